"""The MkDocs / Material adapter of prongsai: everything that knows the engine.

``hooks`` holds one function per MkDocs event (``hooks/prongsai_mkdocs.py`` re-exports
them); ``navhtml`` (Material's navigation rendered in Python), ``fastmd`` (the Markdown
subset of generated pages) and ``whitespace`` (the theme's indentation out) are the
engine-side shortcuts, each switched off for one build with ``PRONGSAI_TWINS_OFF``
(see ``twins``); ``timing`` is the build's account of where its time went. The core,
``prongsai``, imports nothing from here.
"""

"""The records of the data tree: one schema, the single source of truth.

Every file under ``data/`` is validated against one of the ``*File`` models below;
unknown keys are refused. Field descriptions are Thai: they become the JSON Schema
that editors' tools read and the field reference in the editor guide.
"""

from __future__ import annotations

import typing

from typing import Any, Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from .thai import digits
from .types import (
    Date,
    FileRef,
    GroupKey,
    Int,
    Numbers,
    OitCode,
    Percent,
    QuestionCode,
    Score,
    Slug,
    Text,
    Url,
    WrittenScore,
    Year,
    choice,
    choice_schema,
    fail,
)


def record_of(annotation: Any) -> type[BaseModel] | None:
    """The record class inside a field's type (``list[X] | None`` and friends), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = record_of(arg)
        if found:
            return found
    return None


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


def _enum(labels: dict[str, str], label: str, aliases: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """An enum stored by key, accepted by key or Thai label: ``{"completed": "ดำเนินการแล้วเสร็จ"}``."""
    accepted = {k: k for k in labels} | {v: k for k, v in labels.items()} | (aliases or {})
    return (
        choice(accepted, label, labels),
        WithJsonSchema(choice_schema(accepted)),
    )


# --- enumerations --------------------------------------------------------------------

STATUS_LABELS = {
    "not_started": "ยังไม่ดำเนินการ",
    "in_progress": "อยู่ระหว่างดำเนินการ",
    "completed": "ดำเนินการแล้วเสร็จ",
    "ongoing": "ดำเนินการต่อเนื่อง",
    "delayed": "ล่าช้ากว่าแผน",
    "cancelled": "ยกเลิก",
}
Status = Annotated[
    Literal["not_started", "in_progress", "completed", "ongoing", "delayed", "cancelled"],
    *_enum(STATUS_LABELS, "สถานะ", {"เสร็จสิ้น": "completed", "แล้วเสร็จ": "completed", "ดำเนินการแล้ว": "completed"}),
]

ROUND_KIND_LABELS = {
    "six_month": "รอบ 6 เดือน",
    "twelve_month": "รอบ 12 เดือน",
    "quarter": "รายไตรมาส",
    "other": "รอบอื่น ๆ",
}
RoundKind = Annotated[
    Literal["six_month", "twelve_month", "quarter", "other"],
    *_enum(ROUND_KIND_LABELS, "ชนิดของรอบรายงาน", {"6": "six_month", "12": "twelve_month"}),
]

ORG_TYPES = {
    "thesaban_nakhon": "เทศบาลนคร",
    "thesaban_mueang": "เทศบาลเมือง",
    "thesaban_tambon": "เทศบาลตำบล",
    "sao": "องค์การบริหารส่วนตำบล",
    "pao": "องค์การบริหารส่วนจังหวัด",
    "other": "องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ",
}
OrgType = Annotated[
    Literal["thesaban_nakhon", "thesaban_mueang", "thesaban_tambon", "sao", "pao", "other"],
    *_enum(
        ORG_TYPES,
        "ประเภทหน่วยงาน",
        {"ทน.": "thesaban_nakhon", "ทม.": "thesaban_mueang", "ทต.": "thesaban_tambon", "อบต.": "sao", "อบจ.": "pao"},
    ),
]

CONFIDENCE_LABELS = {
    "V": "ตรวจพบในแหล่งที่มา",
    "C": "หลายแหล่งตรงกัน",
    "I": "อนุมานจากรูปแบบ ควรตรวจสอบ",
    "R": "จากความจำ ต้องตรวจสอบ",
}
Confidence = Annotated[Literal["V", "C", "I", "R"], *_enum(CONFIDENCE_LABELS, "ระดับความเชื่อมั่น")]

COVERS_LABELS = {
    "none": "ไม่กำหนดปี",
    "current": "ปีงบประมาณที่ประเมิน",
    "current_first_half": "๖ เดือนแรกของปีงบประมาณที่ประเมิน",
    "previous": "ปีงบประมาณก่อนปีที่ประเมิน",
}
Covers = Annotated[
    Literal["none", "current", "current_first_half", "previous"], *_enum(COVERS_LABELS, "ปีที่ข้อมูลต้องครอบคลุม")
]
Role = Annotated[
    Literal["measures", "measures_report"],
    *_enum({"measures": "มาตรการ", "measures_report": "รายงานผลตามมาตรการ"}, "บทบาทของข้อ"),
]
InstrumentCode = Annotated[Literal["IIT", "EIT", "OIT"], *_enum({"IIT": "IIT", "EIT": "EIT", "OIT": "OIT"}, "แบบวัด", {"iit": "IIT", "eit": "EIT", "oit": "OIT"})]
Numerals = Annotated[
    Literal["thai", "arabic"], *_enum({"thai": "เลขไทย", "arabic": "เลขอารบิก"}, "รูปแบบตัวเลข")
]

LEGACY_BANDS = ("AA", "A", "B", "C", "D", "E", "F")


# --- organisation --------------------------------------------------------------------


class Contact(Record):
    """ช่องทางติดต่อของหน่วยงาน (เฉพาะช่องทางราชการ ห้ามใส่เบอร์หรืออีเมลส่วนตัว)"""

    label: Text = Field(description="ชื่อช่องทาง เช่น สำนักปลัด หรือ ศูนย์รับเรื่องร้องเรียน")
    phone: Text | None = Field(None, description="หมายเลขโทรศัพท์ราชการ")
    email: Text | None = Field(None, description="อีเมลราชการของหน่วยงาน")
    url: Url | None = Field(None, description="ที่อยู่เว็บหรือช่องทางออนไลน์")


class Settings(Record):
    """การตั้งค่าการแสดงผลของเว็บไซต์"""

    numerals: Numerals = Field("thai", description="ตัวเลขในหน้าเว็บ: thai (เลขไทย) หรือ arabic (เลขอารบิก)")
    current_fiscal_year: Year | None = Field(
        None, description="ปีงบประมาณปัจจุบันที่แสดงในหน้าแรก (ถ้าไม่กำหนดใช้ปีล่าสุดที่มีข้อมูล)"
    )


class OrganizationFile(Record):
    """ข้อมูลหน่วยงาน (data/organization.yml)"""

    name: Text = Field(description="ชื่อเต็มของหน่วยงาน เช่น เทศบาลตำบลบ้านสวน")
    short_name: Text | None = Field(None, description="ชื่อย่อ เช่น ทต.บ้านสวน")
    type: OrgType = Field(description="ประเภทหน่วยงาน เช่น เทศบาลตำบล หรือ องค์การบริหารส่วนตำบล")
    subdistrict: Text | None = Field(None, description="ตำบล")
    district: Text = Field(description="อำเภอ")
    province: Text = Field(description="จังหวัด")
    address: Text | None = Field(None, description="ที่อยู่สำนักงาน")
    website: Url | None = Field(
        None, description="ที่อยู่เว็บไซต์หลักของหน่วยงาน (ที่ใช้ตอบ ITAS) ถ้าเอกสารไม่ได้ระบุ ให้เว้นไว้ หน้าเว็บจะไม่แสดง"
    )
    contacts: list[Contact] = Field(default_factory=list, description="ช่องทางติดต่อราชการ")
    settings: Settings = Field(Settings(), description="การตั้งค่าการแสดงผล")


# --- catalogue (shipped reference data, one file per ITA year) --------------------------


class Instrument(Record):
    """แบบวัดของการประเมิน ITA"""

    code: InstrumentCode = Field(description="รหัสแบบวัด: IIT, EIT หรือ OIT")
    name: Text = Field(description="ชื่อแบบวัดภาษาไทย")
    name_en: Text | None = Field(None, description="ชื่อภาษาอังกฤษ")
    weight: Score | None = Field(None, description="น้ำหนักคะแนน (ร้อยละ)")
    confidence: Confidence = Field(description="ระดับความเชื่อมั่นของข้อมูล V C I หรือ R")


class Indicator(Record):
    """ตัวชี้วัดของการประเมิน ITA"""

    number: Int = Field(description="หมายเลขตัวชี้วัด")
    title: Text = Field(description="ชื่อตัวชี้วัด")
    instrument: InstrumentCode = Field(description="แบบวัดที่ใช้วัดตัวชี้วัดนี้")
    confidence: Confidence


class SubIndicator(Record):
    """ตัวชี้วัดย่อย"""

    code: Text = Field(description="รหัสตัวชี้วัดย่อย เช่น 9.1")
    indicator: Int = Field(description="หมายเลขตัวชี้วัดหลัก")
    title: Text = Field(description="ชื่อตัวชี้วัดย่อย")
    confidence: Confidence


class Group(Record):
    """กลุ่มสำหรับจัดมาตรการ เช่น ประเด็นที่ 1"""

    key: GroupKey = Field(description="รหัสกลุ่ม เช่น 1")
    title: Text = Field(description="ชื่อกลุ่ม")
    indicators: list[Int] = Field(default_factory=list, description="ตัวชี้วัดที่เกี่ยวข้อง (ถ้ามี)")
    heading: Text | None = Field(
        None,
        description=(
            "หัวข้อของกลุ่มตามที่เอกสารเขียน พร้อมเลขของเอกสารเอง เช่น ๑. กระบวนการปฏิบัติงานที่โปร่งใส "
            "(ถ้าไม่กำหนด ใช้ ประเด็นที่ ๑ ตามด้วยชื่อกลุ่ม)"
        ),
    )


class Grouping(Record):
    """วิธีจัดกลุ่มมาตรการ (นอกจากตัวชี้วัด 10 ตัว)"""

    key: Slug = Field(description="รหัสวิธีจัดกลุ่ม เช่น issues")
    title: Text = Field(description="ชื่อ เช่น ๗ ประเด็น")
    label: Text = Field(description="คำนำหน้าหมายเลขกลุ่ม เช่น ประเด็นที่")
    confidence: Confidence
    groups: list[Group] = Field(min_length=1)


class Band(Record):
    """ระดับผลการประเมิน"""

    label: Text = Field(description="ชื่อระดับ เช่น ผ่านดี")
    min: Score = Field(description="คะแนนขั้นต่ำ")
    rule: Text | None = Field(None, description="เงื่อนไขเพิ่มเติม")
    confidence: Confidence


class PreviousCodes(Record):
    """ข้อในปีก่อนหน้าที่ข้อนี้สืบต่อมา"""

    codes: list[OitCode] = Field(min_length=1, description="รหัสข้อในปี ITA ก่อนหน้า")
    confidence: Confidence


class OitItem(Record):
    """ข้อของแบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)"""

    code: OitCode = Field(description="รหัสข้อ เช่น O27")
    title: Text = Field(description="ชื่อข้อ")
    indicator: Int = Field(description="ตัวชี้วัด (9 หรือ 10)")
    sub_indicator: Text | None = Field(None, description="ตัวชี้วัดย่อย เช่น 9.1")
    subgroup: Text = Field(description="หัวข้อย่อย")
    elements: list[Text] = Field(default_factory=list, description="องค์ประกอบที่ต้องมี")
    covers: Covers = Field(description="ปีงบประมาณที่ข้อมูลต้องครอบคลุม เทียบกับปี ITA")
    role: Role | None = Field(None, description="measures = ข้อมาตรการ, measures_report = ข้อรายงานผลตามมาตรการ")
    previous: PreviousCodes | None = Field(None, description="ข้อในปี ITA ก่อนหน้าที่ข้อนี้สืบต่อมา")
    confidence: Confidence
    source: Text | None = Field(None, description="แหล่งที่มา")
    note: Text | None = Field(None, description="หมายเหตุ")

    def required_year(self, ita_year: int) -> int | None:
        """The fiscal year this item's evidence must cover in ITA ``ita_year`` (``covers``), or ``None``: any year."""
        return {"current": ita_year, "current_first_half": ita_year, "previous": ita_year - 1}.get(self.covers)


class ProvisionalCatalog(Record):
    """รายการฉบับชั่วคราว: คัดลอกจากรายการของปี ITA อื่น ยังไม่ได้ตรวจกับคู่มือของปีนี้"""

    made_from: Year = Field(description="ปี ITA ของรายการที่คัดลอกมา")
    confidence: Confidence = Field(description="ระดับความเชื่อมั่นของทั้งรายการ (ฉบับคัดลอกเป็น I: อนุมาน ต้องตรวจ)")
    note: Text | None = Field(None, description="สิ่งที่ต้องตรวจก่อนใช้เป็นรายการจริง")


class CatalogFile(Record):
    """รายการข้อ OIT และกรอบการประเมินของปี ITA หนึ่งปี (data/catalog/ita-<ปี>.yml)"""

    ita_year: Year = Field(description="ปีของการประเมิน ITA (พ.ศ.)")
    title: Text
    provisional: ProvisionalCatalog | None = Field(
        None,
        description="มีเมื่อเป็นรายการฉบับชั่วคราวที่คำสั่ง new-catalog คัดลอกจากปีอื่น (แสดงเฉพาะในหน้าผู้ดูแลข้อมูล) "
        "ลบออกเมื่อตรวจทุกข้อกับคู่มือ ITA ของปีนี้แล้ว",
    )
    previous_year: Year | None = Field(None, description="ปี ITA ก่อนหน้าที่ใช้เทียบรหัสข้อ")
    note: Text | None = None
    instruments: list[Instrument] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)
    sub_indicators: list[SubIndicator] = Field(default_factory=list)
    groupings: list[Grouping] = Field(default_factory=list)
    bands: list[Band] = Field(default_factory=list)
    items: list[OitItem] = Field(min_length=1)


# --- a fiscal year ---------------------------------------------------------------------


class Unit(Record):
    """ส่วนราชการหรือหน่วยงานผู้รับผิดชอบ"""

    id: Slug = Field(description="รหัสหน่วยงาน (อังกฤษพิมพ์เล็ก) เช่น clerk")
    name: Text = Field(description="ชื่อ เช่น สำนักปลัดเทศบาล")


class Announcement(Record):
    """การประกาศใช้เอกสาร"""

    date: Date = Field(description="วันที่ประกาศ")
    by: Text = Field(description="ตำแหน่งผู้ประกาศ เช่น นายกเทศมนตรีตำบลบ้านสวน (ใส่ตำแหน่ง ไม่ต้องใส่ชื่อบุคคล)")


class Limitation(Record):
    """ข้อจำกัดของหน่วยงานในการดำเนินการ"""

    instrument: InstrumentCode | None = Field(None, description="แบบวัดที่เกี่ยวข้อง (ถ้ามี): IIT, EIT หรือ OIT")
    description: Text | None = Field(None, description="คำอธิบายแบบวัดหรือบริบท")
    limitation: Text = Field(description="ข้อจำกัด")
    impact: Text | None = Field(None, description="ผลกระทบ")
    approach: Text | None = Field(None, description="แนวทางการพัฒนา")


SECTION_KINDS = {
    "preface": "คำนำ",
    "contents": "สารบัญ",
    "summary": "บทสรุปผู้บริหาร",
    "assessment": "ผลการประเมิน ITA (ส่วนที่ ๑)",
    "analysis": "การวิเคราะห์ผลการประเมิน (ส่วนที่ ๒)",
    "comparison": "ตารางเปรียบเทียบ",
    "measures": "การนำผลการวิเคราะห์ไปสู่การปฏิบัติ (ส่วนที่ ๓)",
    "limitations": "ข้อจำกัดของหน่วยงาน (ส่วนที่ ๔)",
    "text": "หัวข้ออื่นของเอกสาร",
}
SectionKind = Annotated[
    Literal["preface", "contents", "summary", "assessment", "analysis", "comparison", "measures", "limitations", "text"],
    *_enum(SECTION_KINDS, "ชนิดของหัวข้อ"),
]


class Section(Record):
    """หัวข้อหนึ่งของเอกสารมาตรการ ตามลำดับและถ้อยคำของเอกสาร"""

    kind: SectionKind = Field(
        description=(
            "ชนิดของหัวข้อ: preface, contents, summary, assessment, analysis, comparison, measures, "
            "limitations (เนื้อหามาจากข้อมูลส่วนนั้น) หรือ text (หัวข้ออื่นที่เอกสารมี เช่น หลักการและเหตุผล)"
        )
    )
    id: Slug | None = Field(None, description="รหัสหัวข้อ ใช้เป็นจุดเชื่อมโยงในหน้าเว็บ เช่น principles (ถ้าไม่กำหนด ใช้ชนิดของหัวข้อ)")
    number: Text | None = Field(None, description="เลขหัวข้อตามที่เอกสารเขียน เช่น ๑ หรือ ส่วนที่ ๒ (ซ้ำกับหัวข้ออื่นได้)")
    heading: Text | None = Field(
        None, description="ชื่อหัวข้อตามที่เอกสารเขียน (ถ้าไม่กำหนด ใช้ชื่อมาตรฐาน เช่น ส่วนที่ ๑ ผลการประเมิน ITA)"
    )
    text: Text | None = Field(None, description="ข้อความของหัวข้อ (หัวข้อ text) หรือข้อความนำก่อนเนื้อหาของส่วนนั้น")

    @model_validator(mode="after")
    def _check(self) -> Section:
        if self.kind == "text" and self.text is None and self.heading is None:
            raise fail("หัวข้อชนิด text ต้องมี heading หรือ text อย่างน้อยหนึ่งอย่าง", "a text section needs heading or text")
        return self


class ContentsEntry(Record):
    """รายการหนึ่งในสารบัญของเอกสาร ตามที่เอกสารเขียน"""

    title: Text = Field(description="ชื่อเรื่องตามสารบัญของเอกสาร")
    page: Text | None = Field(None, description="เลขหน้าตามสารบัญของเอกสาร (ถ้ามี) เช่น ๑ หรือ ก")
    section: Slug | None = Field(
        None, description="รหัสหัวข้อใน sections ที่รายการนี้ชี้ไป (id หรือชนิด เช่น assessment) เพื่อทำลิงก์"
    )


class Signature(Record):
    """ผู้ลงท้ายคำนำ ตามที่เอกสารเขียน"""

    by: Text = Field(description="หน่วยงานหรือตำแหน่งที่ลงท้ายคำนำ เช่น สำนักปลัด")
    date: Text | None = Field(None, description="เดือนและปีตามที่เอกสารเขียน เช่น ตุลาคม ๒๕๖๗")


MEASURE_COLUMNS = {
    "number": "ลำดับ",
    "questions": "ข้อคำถาม ITA",
    "findings": "ผลการวิเคราะห์ / ข้อค้นพบ",
    "title": "มาตรการ",
    "approach": "วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
    "steps": "ขั้นตอน / วิธีการปฏิบัติ",
    "period": "ระยะเวลาดำเนินการ",
    "responsible": "ผู้รับผิดชอบ",
    "monitoring": "การกำกับติดตาม",
    "reporting": "การรายงานผล",
    "targets": "เป้าหมาย",
    "oit_items": "ข้อ OIT ที่เกี่ยวข้อง",
}
"""The columns a measures table may have, with the product's default label of each."""
MeasureColumnField = Annotated[
    Literal[
        "number", "questions", "findings", "title", "approach", "steps", "period",
        "responsible", "monitoring", "reporting", "targets", "oit_items",
    ],
    *_enum({k: k for k in MEASURE_COLUMNS}, "คอลัมน์ของตารางมาตรการ"),
]  # fmt: skip
DEFAULT_MEASURE_COLUMNS = ("number", "findings", "title", "steps", "period", "responsible", "monitoring")

REPORT_COLUMNS = {
    "number": "ลำดับ",
    "title": "มาตรการ / โครงการ / กิจกรรม",
    "steps": "ขั้นตอนหรือวิธีการปฏิบัติ",
    "period": "ระยะเวลา",
    "responsible": "ผู้รับผิดชอบ",
    "status": "สถานะ",
    "percent": "ร้อยละความก้าวหน้า",
    "output": "ผลการดำเนินการ (Output)",
    "outcome": "ผลลัพธ์ (Outcome)",
    "problems": "ปัญหาอุปสรรค",
    "suggestions": "ข้อเสนอแนะ",
    "evidence": "หลักฐาน",
}
"""The columns a report table may have, with the product's default label of each."""
ReportColumnField = Annotated[
    Literal[
        "number", "title", "steps", "period", "responsible", "status", "percent",
        "output", "outcome", "problems", "suggestions", "evidence",
    ],
    *_enum({k: k for k in REPORT_COLUMNS}, "คอลัมน์ของตารางรายงานผล"),
]  # fmt: skip
DEFAULT_REPORT_COLUMNS = ("title", "steps", "period", "responsible", "status", "output", "outcome", "problems", "suggestions")


class MeasureColumn(Record):
    """คอลัมน์หนึ่งของตารางมาตรการ ตามที่เอกสารตั้งชื่อ"""

    field: MeasureColumnField = Field(
        description=(
            "ข้อมูลของคอลัมน์: number, questions, findings, title, approach, steps, period, responsible, "
            "monitoring, reporting, targets หรือ oit_items"
        )
    )
    label: Text | None = Field(None, description="ชื่อคอลัมน์ตามที่เอกสารเขียน เช่น วันดำเนินการ (ถ้าไม่กำหนด ใช้ชื่อมาตรฐาน)")


class ReportColumn(Record):
    """คอลัมน์หนึ่งของตารางรายงานผล ตามที่เอกสารตั้งชื่อ"""

    field: ReportColumnField = Field(
        description=(
            "ข้อมูลของคอลัมน์: number, title, steps, period, responsible, status, percent, output, outcome, "
            "problems, suggestions หรือ evidence"
        )
    )
    label: Text | None = Field(None, description="ชื่อคอลัมน์ตามที่เอกสารเขียน เช่น ผลการดำเนินการ (Output) (ถ้าไม่กำหนด ใช้ชื่อมาตรฐาน)")


def _unique_fields(columns: list[Any], where: str) -> None:
    seen = [c.field for c in columns]
    twice = sorted({f for f in seen if seen.count(f) > 1})
    if twice:
        raise fail(f"คอลัมน์ {', '.join(twice)} อยู่ใน {where} มากกว่าหนึ่งครั้ง ให้เหลือครั้งเดียว", "a column listed twice")


class YearFile(Record):
    """ข้อมูลหลักของปีงบประมาณ (data/years/<ปี>/year.yml)"""

    fiscal_year: Year = Field(description="ปีงบประมาณ (พ.ศ.)")
    ita_year: Year | None = Field(
        None, description="ปีการประเมิน ITA ที่ข้อมูลปีนี้ใช้ตอบ (ถ้าไม่กำหนด เท่ากับปีงบประมาณ)"
    )
    grouping: Slug = Field(description="วิธีจัดกลุ่มมาตรการ: issues (๗ ประเด็น) หรือ indicators (๑๐ ตัวชี้วัด)")
    taxonomy: list[Group] | None = Field(None, description="กำหนดชื่อกลุ่มเอง (ถ้าไม่กำหนดใช้ตามรายการของปี ITA)")
    title: Text | None = Field(None, description="ชื่อเอกสารมาตรการ (ถ้าไม่กำหนดใช้ชื่อมาตรฐาน)")
    subtitle: Text | None = Field(
        None,
        description=(
            "บรรทัดใต้ชื่อเอกสารบนปก ตามที่เอกสารเขียน เช่น ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ "
            "(ถ้าไม่กำหนด แสดงปีงบประมาณ)"
        ),
    )
    report_title: Text | None = Field(None, description="ชื่อรายงานผลการดำเนินการตามมาตรการ (ถ้าไม่กำหนดใช้ชื่อมาตรฐาน)")
    preface: Text | None = Field(None, description="คำนำ")
    preface_signature: Signature | None = Field(None, description="ผู้ลงท้ายคำนำและเดือนปี ตามที่เอกสารเขียน")
    summary: Text | None = Field(None, description="บทสรุปผู้บริหาร")
    sections: list[Section] = Field(
        default_factory=list,
        description=(
            "หัวข้อของเอกสารตามลำดับ เลข และชื่อที่เอกสารเขียน รวมหัวข้ออื่นที่เอกสารมี "
            "(ถ้าไม่กำหนด ใช้ลำดับมาตรฐาน: คำนำ บทสรุปผู้บริหาร ส่วนที่ ๑-๔)"
        ),
    )
    contents: list[ContentsEntry] = Field(default_factory=list, description="สารบัญของเอกสารตามที่เอกสารเขียน (ถ้ามี)")
    measures_columns: list[MeasureColumn] = Field(
        default_factory=list,
        description=(
            "คอลัมน์ของตารางมาตรการ (ส่วนที่ ๓) ตามลำดับและชื่อที่เอกสารใช้ "
            "(ถ้าไม่กำหนด ใช้ตารางมาตรฐาน)"
        ),
    )
    announcement: Announcement | None = Field(None, description="การประกาศใช้มาตรการ")
    units: list[Unit] = Field(default_factory=list, description="ส่วนราชการที่รับผิดชอบมาตรการ")
    limitations: list[Limitation] = Field(default_factory=list, description="ข้อจำกัดของหน่วยงาน")

    @model_validator(mode="after")
    def _structure(self) -> YearFile:
        _unique_fields(self.measures_columns, "measures_columns")
        kinds = [s.kind for s in self.sections if s.kind != "text"]
        twice = sorted({k for k in kinds if kinds.count(k) > 1})
        if twice:
            raise fail(
                f"หัวข้อชนิด {', '.join(twice)} อยู่ใน sections มากกว่าหนึ่งครั้ง (มีได้ครั้งเดียว ยกเว้น text)",
                "a section kind listed twice",
            )
        ids = [s.id for s in self.sections if s.id]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise fail(f"รหัสหัวข้อ {', '.join(dup)} ซ้ำกันใน sections", "duplicate section id")
        return self


class QuestionScore(Record):
    """ข้อคำถามของการประเมินพร้อมคะแนน"""

    code: QuestionCode = Field(description="รหัสข้อคำถาม เช่น i1 e5 O14")
    text: Text | None = Field(None, description="ข้อความของข้อคำถาม (ถ้าไม่กำหนด ใช้ข้อความในผลการประเมิน assessment.yml)")
    score: WrittenScore | None = Field(
        None, description="คะแนนของข้อตามที่เอกสารเขียน เช่น 91 หรือ ๙๔.๒๔ และ ๙๖.๗๐ (ถ้าเอกสารไม่ได้ระบุ ให้เว้นไว้)"
    )


class InstrumentPart(Record):
    """คะแนนส่วนย่อยของแบบวัด"""

    title: Text = Field(description="ชื่อส่วน เช่น ส่วนที่ 1")
    score: WrittenScore = Field(description="คะแนนของส่วนนี้ตามที่เอกสารเขียน")


class InstrumentScore(Record):
    """คะแนนรายแบบวัด"""

    code: InstrumentCode = Field(description="รหัสแบบวัด: IIT, EIT หรือ OIT")
    score: WrittenScore | None = Field(
        None, description="คะแนนของแบบวัดตามที่เอกสารเขียน (ถ้าเอกสารให้เฉพาะคะแนนแยกส่วน ให้เว้นไว้)"
    )
    band: Text | None = Field(None, description="ระดับผลการประเมินของแบบวัดนี้ตามที่เอกสารเขียน (ถ้ามี)")
    parts: list[InstrumentPart] = Field(default_factory=list, description="คะแนนแยกส่วน (ถ้ามี)")
    text: Text | None = Field(None, description="คำอธิบายผลของแบบวัดนี้ตามที่เอกสารเขียน (ถ้ามี)")

    @model_validator(mode="after")
    def _something(self) -> InstrumentScore:
        if self.score is None and not self.parts and self.text is None:
            raise fail(
                "แบบวัดต้องมีคะแนน (score) คะแนนแยกส่วน (parts) หรือคำอธิบาย (text) อย่างน้อยหนึ่งอย่าง",
                "instrument needs score, parts or text",
            )
        return self


class IndicatorScore(Record):
    """คะแนนรายตัวชี้วัด"""

    number: Int = Field(description="หมายเลขตัวชี้วัด")
    score: WrittenScore | None = Field(None, description="คะแนนของตัวชี้วัดตามที่เอกสารเขียน (ถ้าเอกสารไม่ได้ระบุ ให้เว้นไว้)")
    title: Text | None = Field(None, description="ชื่อตัวชี้วัด (ถ้าต่างจากรายการของปี ITA)")


class Assessment(Record):
    """ผลการประเมิน ITA ที่นำมาวิเคราะห์ (ปกติคือผลของปีก่อน)"""

    ita_year: Year = Field(description="ปีการประเมิน ITA ของผลคะแนนนี้")
    score: WrittenScore = Field(description="คะแนนรวมตามที่เอกสารเขียน เช่น 90.65")
    band: Text = Field(description="ระดับผลการประเมิน เช่น ผ่าน, ผ่านดี หรือ A")
    previous_score: WrittenScore | None = Field(None, description="คะแนนรวมของปีก่อนหน้า (ถ้ามี)")
    instruments: list[InstrumentScore] = Field(default_factory=list)
    indicators: list[IndicatorScore] = Field(default_factory=list)
    questions: list[QuestionScore] = Field(default_factory=list, description="คะแนนรายข้อคำถาม (ถ้ามี)")
    source: Text | None = Field(None, description="ที่มาของผลคะแนน เช่น รายงานจากระบบ ITAS")


class GroupAnalysis(Record):
    """การวิเคราะห์ผลการประเมินของประเด็นหรือตัวชี้วัดหนึ่ง"""

    group: GroupKey = Field(description="รหัสกลุ่ม (ประเด็นหรือตัวชี้วัด)")
    heading: Text | None = Field(
        None, description="หัวข้อของการวิเคราะห์ตามที่เอกสารเขียน เช่น ๑.กระบวนการปฏิบัติงานที่โปร่งใส (ถ้าไม่กำหนด ใช้ชื่อกลุ่ม)"
    )
    text: Text = Field(description="ผลการวิเคราะห์")
    questions: list[QuestionScore] = Field(default_factory=list, description="ข้อคำถามที่อ้างถึงพร้อมคะแนน")
    assessed: Text | None = Field(None, description="ประเด็นที่ได้รับการประเมิน (ตารางเปรียบเทียบ)")
    to_develop: Text | None = Field(None, description="ประเด็นที่ต้องพัฒนา (ตารางเปรียบเทียบ)")


class Analysis(Record):
    """การวิเคราะห์ผลการประเมิน"""

    overview: Text | None = Field(None, description="ภาพรวมของการวิเคราะห์")
    groups: list[GroupAnalysis] = Field(default_factory=list)


class AssessmentFile(Record):
    """ผลการประเมินและการวิเคราะห์ (data/years/<ปี>/assessment.yml)"""

    assessment: Assessment
    analysis: Analysis = Field(Analysis(), description="การวิเคราะห์ผลการประเมิน: ภาพรวมและรายประเด็น")


class Finding(Record):
    """ข้อค้นพบจากผลการประเมินที่มาตรการนี้ตอบ"""

    text: Text = Field(description="ข้อค้นพบหรือผลการวิเคราะห์")
    questions: list[QuestionScore] = Field(default_factory=list, description="ข้อคำถาม ITA ที่เกี่ยวข้อง")


class Period(Record):
    """ระยะเวลาดำเนินการ: วันเริ่ม วันสิ้นสุด และ/หรือคำบรรยาย"""

    start: Date | None = Field(None, description="วันเริ่ม")
    end: Date | None = Field(None, description="วันสิ้นสุด")
    text: Text | None = Field(None, description="คำบรรยาย เช่น ตลอดปีงบประมาณ")

    @model_validator(mode="after")
    def _check(self) -> Period:
        if self.start is None and self.end is None and self.text is None:
            raise fail("ต้องมีอย่างน้อยหนึ่งหัวข้อ: start, end หรือ text", "period needs start, end or text")
        if self.start and self.end and self.end < self.start:
            raise fail("วันสิ้นสุด (end) อยู่ก่อนวันเริ่ม (start) ให้ตรวจวันที่", "end before start")
        return self


class Step(Record):
    """ขั้นตอนหนึ่งของมาตรการ ถ้ามีระยะเวลาหรือผู้รับผิดชอบของขั้นตอนเอง (ขั้นตอนที่มีแต่ข้อความ เขียนเป็นข้อความได้เลย)"""

    text: Text = Field(description="ขั้นตอน ตามที่เอกสารเขียน พร้อมเลขของเอกสาร (ถ้ามี) เช่น ๑. แจ้งเวียน")
    period: Text | None = Field(None, description="ระยะเวลาของขั้นตอนนี้ตามที่เอกสารเขียน เช่น ต.ค. – ธ.ค. ๒๕๖๗")
    responsible: Text | None = Field(None, description="ผู้รับผิดชอบขั้นตอนนี้ตามที่เอกสารเขียน เช่น สำนักปลัด/กองคลัง")


def _step(value: Any) -> Any:
    return {"text": value} if isinstance(value, (str, int, float)) else value


class _OrText:
    """JSON Schema of a record that may also be written as its text alone."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        return {"anyOf": [{"type": ["string", "number"], "pattern": r"\S"}, handler(core_schema)]}


StepEntry = Annotated[Step, BeforeValidator(_step), _OrText()]


class _LeftOut:
    """JSON Schema of an optional record: left out when not stated, never written as null
    (so an editor's tools point at the wrong field inside it, not at the record)."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        found = handler(core_schema)
        kept = [s for s in found.get("anyOf", []) if s != {"type": "null"}]
        return kept[0] if len(kept) == 1 else found


class Target(Record):
    """เป้าหมายหรือตัวชี้วัดความสำเร็จของมาตรการ"""

    text: Text = Field(description="เป้าหมาย")
    value: Text | None = Field(None, description="ค่าเป้าหมาย เช่น ร้อยละ 80")


class Measure(Record):
    """มาตรการ โครงการ หรือกิจกรรม"""

    id: Slug = Field(description="รหัสมาตรการ ไม่ซ้ำในปีเดียวกัน เช่น m01 (ใช้เป็นที่อยู่หน้าเว็บ ห้ามเปลี่ยน)")
    group: GroupKey = Field(description="ประเด็นหรือตัวชี้วัดที่มาตรการนี้อยู่ เช่น 1")
    number: Text | None = Field(None, description="ลำดับของมาตรการตามที่เอกสารเขียน เช่น ๑ (แสดงในคอลัมน์ลำดับของตารางมาตรการ)")
    title: Text = Field(description="ชื่อมาตรการ")
    findings: list[Finding] = Field(default_factory=list, description="ข้อค้นพบจากผลการประเมินที่มาตรการนี้ตอบ")
    approach: Text | None = Field(None, description="วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ")
    findings_from: Slug | None = Field(
        None,
        description=(
            "รหัสมาตรการก่อนหน้าในประเด็นเดียวกันที่มาตรการนี้ใช้ข้อค้นพบ ข้อคำถาม และวิธีการนำไปสู่การปฏิบัติร่วมกัน "
            "(ช่องรวมในตารางของเอกสาร) เช่น m01 ถ้ากำหนด ไม่ต้องใส่ findings และ approach ซ้ำ"
        ),
    )
    steps: list[StepEntry] = Field(
        default_factory=list,
        description="ขั้นตอนหรือวิธีการปฏิบัติ ทีละข้อ ตามที่เอกสารเขียน (มีระยะเวลาและผู้รับผิดชอบของขั้นตอนได้)",
    )
    period: Annotated[Period | None, _LeftOut()] = Field(
        None, description="ระยะเวลาดำเนินการ (ถ้าเอกสารไม่ได้ระบุ ให้เว้นไว้)"
    )
    responsible: list[Slug] = Field(default_factory=list, description="รหัสส่วนราชการผู้รับผิดชอบ (รหัสในรายการส่วนราชการของปีงบประมาณ)")
    responsible_text: Text | None = Field(
        None,
        description=(
            "ผู้รับผิดชอบตามที่เอกสารเขียน เช่น ทุกสำนัก/กอง หรือ สำนักปลัด/กองคลัง "
            "(ถ้ากำหนด หน้าเว็บแสดงข้อความนี้แทนชื่อส่วนราชการ)"
        ),
    )
    responsible_note: Text | None = Field(None, description="คำอธิบายผู้รับผิดชอบเพิ่มเติม")
    monitoring: Text | None = Field(None, description="การกำกับติดตาม")
    reporting: Text | None = Field(None, description="การรายงานผล")
    oit_items: list[OitCode] = Field(default_factory=list, description="ข้อ OIT ที่เกี่ยวข้อง เช่น O27")
    targets: list[Target] = Field(default_factory=list, description="เป้าหมาย")

    @model_validator(mode="after")
    def _shared(self) -> Measure:
        if self.findings_from and (self.findings or self.approach):
            raise fail(
                f"มาตรการนี้ใช้ข้อค้นพบร่วมกับ {self.findings_from} (findings_from) จึงไม่ต้องมี findings หรือ approach ของตัวเอง",
                "findings_from with own findings or approach",
            )
        return self


class MeasuresFile(Record):
    """มาตรการของปีงบประมาณทั้งหมดในไฟล์เดียว (data/years/<ปี>/measures.yml) รูปแบบเดิม: คำสั่ง split-measures แยกเป็นไฟล์ละหนึ่งมาตรการ (measures/<รหัส>.yml) ซึ่งมีหัวข้อตาม "มาตรการ" ข้างล่าง"""

    measures: list[Measure] = Field(default_factory=list)


class Document(Record):
    """เอกสารหรือลิงก์หลักฐาน: ต้องมี url หรือ file อย่างใดอย่างหนึ่ง"""

    title: Text = Field(description="ชื่อเอกสาร")
    url: Url | None = Field(None, description="ที่อยู่เว็บของเอกสาร")
    file: FileRef | None = Field(None, description="ไฟล์ในโฟลเดอร์ docs/ เช่น files/2568/แผน.pdf")
    date: Date | None = Field(None, description="วันที่ของเอกสาร")
    covers: Year | None = Field(None, description="ปีงบประมาณที่เอกสารนี้ครอบคลุม")
    @model_validator(mode="after")
    def _one_target(self) -> Document:
        if (self.url is None) == (self.file is None):
            raise fail(
                "เอกสารต้องมี url (ลิงก์เว็บ) หรือ file (ไฟล์ใน docs/) อย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองหรือไม่มีเลย",
                "document needs exactly one of url or file",
            )
        return self


class ProgressEntry(Record):
    """ผลการดำเนินการของมาตรการหนึ่งในรอบรายงาน"""

    measure: Slug = Field(description="รหัสมาตรการ (รหัสเดียวกับในมาตรการของปีงบประมาณ)")
    status: Status | None = Field(None, description="สถานะ (ถ้ารายงานไม่ได้ระบุสถานะ ให้เว้นไว้ หน้าเว็บจะไม่แสดงสถานะ)")
    percent: Percent | None = Field(None, description="ร้อยละความก้าวหน้า 0-100")
    output: Text | None = Field(None, description="ผลการดำเนินการ (Output)")
    outcome: Text | None = Field(None, description="ผลลัพธ์หรือผลสัมฤทธิ์ (Outcome)")
    problems: Text | None = Field(None, description="ปัญหาอุปสรรค")
    suggestions: Text | None = Field(None, description="ข้อเสนอแนะ")
    evidence: list[Document] = Field(default_factory=list, description="หลักฐาน")


class ProgressRound(Record):
    """รายงานผลการดำเนินการตามมาตรการหนึ่งรอบ (data/years/<ปี>/rounds/<รหัส>.yml)"""

    id: Slug = Field(description="รหัสรอบ เช่น r6m (ใช้เป็นที่อยู่หน้าเว็บ)")
    kind: RoundKind = Field(description="ชนิดของรอบ: six_month, twelve_month, quarter หรือ other")
    title: Text | None = Field(None, description="ชื่อรอบ (ถ้าไม่กำหนดใช้ตามชนิด)")
    period: Period = Field(description="ช่วงเวลาที่รายงาน")
    as_of: Date | None = Field(None, description="ข้อมูล ณ วันที่ (ถ้ารายงานไม่ได้ระบุวันที่ ให้เว้นไว้)")
    subtitle: Text | None = Field(None, description="บรรทัดใต้ชื่อรายงานตามที่เอกสารเขียน เช่น ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    columns: list[ReportColumn] = Field(
        default_factory=list,
        description=(
            "คอลัมน์ของตารางรายงานผลตามลำดับและชื่อที่เอกสารใช้ "
            "(ถ้าไม่กำหนด ใช้ตารางมาตรฐาน เฉพาะคอลัมน์ที่มีข้อมูล)"
        ),
    )
    summary: Text | None = Field(None, description="สรุปภาพรวมของรอบ")
    problems: Text | None = Field(None, description="ปัญหาอุปสรรคในภาพรวม")
    suggestions: Text | None = Field(None, description="ข้อเสนอแนะในภาพรวม")
    entries: list[ProgressEntry] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates(self) -> ProgressRound:
        if self.period.start is None or self.period.end is None:
            raise fail("รอบรายงานต้องมีทั้ง period.start และ period.end", "round period needs start and end")
        _unique_fields(self.columns, "columns")
        return self

    def title_in(self, numerals: Numerals) -> str:
        """The round's title as printed: its own ``title`` as the agency wrote it, or the label
        of its kind (รอบ 6 เดือน) in the site's numerals."""
        return self.title or digits(ROUND_KIND_LABELS[self.kind], numerals)


RoundFile = ProgressRound
"""The old name (until the branches written before the rename have merged; ARCHITECTURE.md, "Names")."""


class DisclosureDocument(Document):
    """เอกสารหรือลิงก์ของข้อ OIT: ต้องมี url หรือ file อย่างใดอย่างหนึ่ง"""

    elements: Numbers = Field(
        default_factory=list,
        description=(
            "องค์ประกอบของข้อ OIT ที่เอกสารนี้แสดง เป็นหมายเลขตามลำดับในรายการองค์ประกอบที่ต้องมีของข้อ "
            "เช่น [1, 2] (ถ้าไม่ระบุ ถือว่าเอกสารนี้แสดงครบทุกองค์ประกอบ)"
        ),
    )


class Disclosure(Record):
    """การเปิดเผยข้อมูลของข้อ OIT หนึ่งข้อ"""

    item: OitCode = Field(description="รหัสข้อ OIT เช่น O1")
    note: Text | None = Field(None, description="คำอธิบายเพิ่มเติมสำหรับผู้ตรวจ")
    documents: list[DisclosureDocument] = Field(default_factory=list, description="เอกสารและลิงก์")


class DisclosuresFile(Record):
    """การเปิดเผยข้อมูลสาธารณะ (data/years/<ปี>/disclosures.yml)"""

    disclosures: list[Disclosure] = Field(default_factory=list)


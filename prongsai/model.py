"""The records of the data tree: one schema, the single source of truth.

Every file under ``data/`` is validated against one of the ``*File`` models below;
unknown keys are refused. Field descriptions are Thai: they become the JSON Schema
that editors' tools read and the field reference in the editor guide.
"""

from __future__ import annotations

import typing

from typing import Any, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, model_validator

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
        choice(accepted, label),
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
    website: Url = Field(description="ที่อยู่เว็บไซต์หลักของหน่วยงาน (ที่ใช้ตอบ ITAS)")
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


class CatalogFile(Record):
    """รายการข้อ OIT และกรอบการประเมินของปี ITA หนึ่งปี (data/catalog/ita-<ปี>.yml)"""

    ita_year: Year = Field(description="ปีของการประเมิน ITA (พ.ศ.)")
    title: Text
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


class YearFile(Record):
    """ข้อมูลหลักของปีงบประมาณ (data/years/<ปี>/year.yml)"""

    fiscal_year: Year = Field(description="ปีงบประมาณ (พ.ศ.)")
    ita_year: Year | None = Field(
        None, description="ปีการประเมิน ITA ที่ข้อมูลปีนี้ใช้ตอบ (ถ้าไม่กำหนด เท่ากับปีงบประมาณ)"
    )
    grouping: Slug = Field(description="วิธีจัดกลุ่มมาตรการ: issues (๗ ประเด็น) หรือ indicators (๑๐ ตัวชี้วัด)")
    taxonomy: list[Group] | None = Field(None, description="กำหนดชื่อกลุ่มเอง (ถ้าไม่กำหนดใช้ตามรายการของปี ITA)")
    title: Text | None = Field(None, description="ชื่อเอกสารมาตรการ (ถ้าไม่กำหนดใช้ชื่อมาตรฐาน)")
    preface: Text | None = Field(None, description="คำนำ")
    summary: Text | None = Field(None, description="บทสรุปผู้บริหาร")
    announcement: Announcement | None = Field(None, description="การประกาศใช้มาตรการ")
    units: list[Unit] = Field(min_length=1, description="ส่วนราชการที่รับผิดชอบมาตรการ")
    limitations: list[Limitation] = Field(default_factory=list, description="ข้อจำกัดของหน่วยงาน")


class QuestionScore(Record):
    """ข้อคำถามของการประเมินพร้อมคะแนน"""

    code: QuestionCode = Field(description="รหัสข้อคำถาม เช่น i1 e5 O14")
    text: Text | None = Field(None, description="ข้อความของข้อคำถาม")
    score: Score | None = Field(None, description="คะแนนของข้อ")


class InstrumentPart(Record):
    """คะแนนส่วนย่อยของแบบวัด"""

    title: Text = Field(description="ชื่อส่วน เช่น ส่วนที่ 1")
    score: Score = Field(description="คะแนนของส่วนนี้")


class InstrumentScore(Record):
    """คะแนนรายแบบวัด"""

    code: InstrumentCode = Field(description="รหัสแบบวัด: IIT, EIT หรือ OIT")
    score: Score = Field(description="คะแนนของแบบวัด")
    parts: list[InstrumentPart] = Field(default_factory=list, description="คะแนนแยกส่วน (ถ้ามี)")


class IndicatorScore(Record):
    """คะแนนรายตัวชี้วัด"""

    number: Int = Field(description="หมายเลขตัวชี้วัด")
    score: Score = Field(description="คะแนนของตัวชี้วัด")
    title: Text | None = Field(None, description="ชื่อตัวชี้วัด (ถ้าต่างจากรายการของปี ITA)")


class Assessment(Record):
    """ผลการประเมิน ITA ที่นำมาวิเคราะห์ (ปกติคือผลของปีก่อน)"""

    ita_year: Year = Field(description="ปีการประเมิน ITA ของผลคะแนนนี้")
    score: Score = Field(description="คะแนนรวม")
    band: Text = Field(description="ระดับผลการประเมิน เช่น ผ่าน, ผ่านดี หรือ A")
    previous_score: Score | None = Field(None, description="คะแนนรวมของปีก่อนหน้า (ถ้ามี)")
    instruments: list[InstrumentScore] = Field(default_factory=list)
    indicators: list[IndicatorScore] = Field(default_factory=list)
    questions: list[QuestionScore] = Field(default_factory=list, description="คะแนนรายข้อคำถาม (ถ้ามี)")
    source: Text | None = Field(None, description="ที่มาของผลคะแนน เช่น รายงานจากระบบ ITAS")


class GroupAnalysis(Record):
    """การวิเคราะห์ผลการประเมินของประเด็นหรือตัวชี้วัดหนึ่ง"""

    group: GroupKey = Field(description="รหัสกลุ่ม (ประเด็นหรือตัวชี้วัด)")
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


class Target(Record):
    """เป้าหมายหรือตัวชี้วัดความสำเร็จของมาตรการ"""

    text: Text = Field(description="เป้าหมาย")
    value: Text | None = Field(None, description="ค่าเป้าหมาย เช่น ร้อยละ 80")


class Measure(Record):
    """มาตรการ โครงการ หรือกิจกรรม"""

    id: Slug = Field(description="รหัสมาตรการ ไม่ซ้ำในปีเดียวกัน เช่น m01 (ใช้เป็นที่อยู่หน้าเว็บ ห้ามเปลี่ยน)")
    group: GroupKey = Field(description="ประเด็นหรือตัวชี้วัดที่มาตรการนี้อยู่ เช่น 1")
    title: Text = Field(description="ชื่อมาตรการ")
    findings: list[Finding] = Field(default_factory=list, description="ข้อค้นพบจากผลการประเมินที่มาตรการนี้ตอบ")
    approach: Text | None = Field(None, description="วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ")
    steps: list[Text] = Field(default_factory=list, description="ขั้นตอนหรือวิธีการปฏิบัติ ทีละข้อ")
    period: Period = Field(description="ระยะเวลาดำเนินการ")
    responsible: list[Slug] = Field(min_length=1, description="รหัสส่วนราชการผู้รับผิดชอบ (จาก units ใน year.yml)")
    responsible_note: Text | None = Field(None, description="คำอธิบายผู้รับผิดชอบเพิ่มเติม")
    monitoring: Text | None = Field(None, description="การกำกับติดตาม")
    reporting: Text | None = Field(None, description="การรายงานผล")
    oit_items: list[OitCode] = Field(default_factory=list, description="ข้อ OIT ที่เกี่ยวข้อง เช่น O27")
    targets: list[Target] = Field(default_factory=list, description="เป้าหมาย")


class MeasuresFile(Record):
    """มาตรการของปีงบประมาณ (data/years/<ปี>/measures.yml)"""

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

    measure: Slug = Field(description="รหัสมาตรการ (id ใน measures.yml)")
    status: Status = Field(description="สถานะ")
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
    as_of: Date = Field(description="ข้อมูล ณ วันที่")
    summary: Text | None = Field(None, description="สรุปภาพรวมของรอบ")
    problems: Text | None = Field(None, description="ปัญหาอุปสรรคในภาพรวม")
    suggestions: Text | None = Field(None, description="ข้อเสนอแนะในภาพรวม")
    entries: list[ProgressEntry] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates(self) -> ProgressRound:
        if self.period.start is None or self.period.end is None:
            raise fail("รอบรายงานต้องมีทั้ง period.start และ period.end", "round period needs start and end")
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


"""What a questionnaire asks: templates of questions, one shipped and others read from JSON files.

Why templates and not questions typed per seminar: a programme asks the same things seminar
after seminar so funders can compare scores; a template is made once and a seminar's
questionnaire is generated from it and the seminar's agenda (a block per session or speaker).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import ValidationError
from ..messages import QT_TRANSLATE_NOOP

#: Question kinds: a 1..5 rating with labels, one choice, any choices, free text.
KINDS = ("rating", "single", "multiple", "text")
#: What a block of questions is repeated for (None: asked once).
REPEATS = (None, "session", "speaker")


@dataclass(frozen=True)
class Option:
    """A rating label or a choice, in English and Chinese; answers store its 1-based number."""

    en: str
    zh: str | None = None


@dataclass(frozen=True)
class QuestionSpec:
    """One question of a template; ``per`` repeats it for each session or speaker of the agenda."""

    code: str
    kind: str
    text: str
    text_zh: str | None = None
    options: tuple[Option, ...] = ()
    required: bool = False
    per: str | None = None


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    title_zh: str | None
    questions: tuple[QuestionSpec, ...]
    anonymous: bool = True
    description: str = ""

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for q in data["questions"]:
            q["options"] = [{k: v for k, v in o.items() if v is not None} for o in q["options"]]
        return data


def _scale(*pairs: tuple[str, str]) -> tuple[Option, ...]:
    return tuple(Option(en, zh) for en, zh in pairs)


SATISFACTION = _scale(("Very dissatisfied", "非常不满意"), ("Dissatisfied", "不满意"), ("Neutral", "一般"),
                      ("Satisfied", "满意"), ("Very satisfied", "非常满意"))
RELEVANCE = _scale(("Not relevant", "完全不相关"), ("Slightly relevant", "不太相关"), ("Somewhat relevant", "一般"),
                   ("Relevant", "比较相关"), ("Highly relevant", "非常相关"))
QUALITY = _scale(("Very poor", "很差"), ("Poor", "较差"), ("Fair", "一般"), ("Good", "良好"), ("Excellent", "优秀"))
USEFULNESS = _scale(("Not useful", "没有帮助"), ("Slightly useful", "帮助不大"), ("Somewhat useful", "一般"),
                    ("Useful", "有帮助"), ("Very useful", "非常有帮助"))

_SEMINAR = (
    QuestionSpec("overall", "rating", "Overall, how satisfied are you with the seminar?",
                 "您对本次研讨会的总体满意度如何？", SATISFACTION, required=True),
    QuestionSpec("relevance", "rating", "How relevant was the seminar to your city's work?",
                 "研讨会内容与您所在城市工作的相关程度如何？", RELEVANCE),
    QuestionSpec("organisation", "rating", "How well was the seminar organised?", "研讨会的组织安排如何？", QUALITY),
)
_SESSION = QuestionSpec("usefulness", "rating", "How useful was this session?", "本场次对您有多大帮助？", USEFULNESS,
                        per="session")
_SPEAKER = QuestionSpec("speaker", "rating", "How clear and engaging was the speaker?", "演讲嘉宾的讲解是否清晰生动？",
                        QUALITY, per="speaker")
_AFTER = (
    QuestionSpec("format", "single", "Which format suits you best for future seminars?",
                 "今后的研讨会，您更倾向于哪种形式？",
                 _scale(("On site", "线下"), ("Online", "线上"), ("Hybrid", "线上线下结合"))),
    QuestionSpec("topics", "multiple", "Which topics would you like to explore further?", "您希望进一步探讨哪些主题？",
                 _scale(("Lifelong learning policy", "终身学习政策"), ("Community learning centres", "社区学习中心"),
                        ("Digital learning", "数字化学习"), ("Monitoring and evaluation", "监测与评估"),
                        ("City partnerships", "城市合作伙伴关系"))),
    QuestionSpec("comments", "text", "Any other comments or suggestions?", "其他意见或建议"),
)

#: The templates the app ships: "standard" (seminar, each session, comments), "speakers" (each speaker too).
SHIPPED: dict[str, Template] = {
    "standard": Template("standard", "Seminar evaluation", "研讨会评估问卷", (*_SEMINAR, _SESSION, *_AFTER),
                         description="overall satisfaction, relevance, organisation, each session's usefulness, "
                                     "preferred format, topics, comments"),
    "speakers": Template("speakers", "Seminar evaluation", "研讨会评估问卷", (*_SEMINAR, _SESSION, _SPEAKER, *_AFTER),
                         description="the standard questions and each speaker's clarity"),
}
DEFAULT = "standard"


def shipped(name: str) -> Template:
    try:
        return SHIPPED[name]
    except KeyError:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "there is no template {name!r} (shipped: {names})"),
                              where="template", name=name, names=", ".join(SHIPPED)) from None


def template_named(name_or_path: str) -> Template:
    """A shipped template by name, else a template file (JSON as ``learninghub evaluation template -o`` writes)."""
    if name_or_path in SHIPPED or not name_or_path.lower().endswith(".json"):
        return shipped(name_or_path)
    return read_template(Path(name_or_path))


def read_template(path: Path) -> Template:
    """A template from a JSON file, every question checked (kinds, options, wording)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "cannot be read ({reason})"), where=path.name,
                              reason=exc.strerror) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "is not a JSON template ({reason})"), where=path.name,
                              reason=str(exc)) from None
    return template_from_json(data, path.name)


def template_from_json(data: Any, where: str = "template") -> Template:
    from .. import validate

    if not isinstance(data, dict) or not isinstance(data.get("questions"), list) or not data["questions"]:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "a template is an object with a list of questions"),
                              where=where)
    questions, codes = [], set()
    for number, q in enumerate(data["questions"], 1):
        place = f"{where}, question {number}"
        if not isinstance(q, dict):
            raise ValidationError(QT_TRANSLATE_NOOP("core", "a question is an object"), where=place)
        kind, per, code = q.get("kind"), q.get("per"), str(q.get("code") or f"q{number}")
        if kind not in KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "kind {kind!r} is none of {kinds}"), where=place,
                                  kind=kind, kinds=", ".join(KINDS))
        if per not in REPEATS:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "per must be session, speaker or left out"), where=place)
        if code in codes or len(code) > 40:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "code {code!r} is used twice or longer than 40"),
                                  where=place, code=code)
        codes.add(code)
        options = tuple(Option(validate.required_text(o.get("en"), "en", max_len=200),
                               validate.text(o.get("zh"), "zh", max_len=200))
                        for o in q.get("options") or () if isinstance(o, dict))
        if kind == "rating" and len(options) != 5:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "a rating has five labels, from 1 to 5"), where=place)
        if kind in ("single", "multiple") and not 2 <= len(options) <= 30:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "a choice has 2 to 30 options"), where=place)
        questions.append(QuestionSpec(code, kind, validate.required_text(q.get("text"), "text", max_len=400),
                                      validate.text(q.get("text_zh"), "text_zh", max_len=400),
                                      options if kind != "text" else (), bool(q.get("required")), per))
    return Template(str(data.get("name") or where), validate.text(data.get("title"), "title") or "Evaluation",
                    validate.text(data.get("title_zh"), "title_zh"), tuple(questions),
                    bool(data.get("anonymous", True)), str(data.get("description") or ""))

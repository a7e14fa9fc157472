"""``learninghub evaluation (template|create|show|form|import|results)``: a seminar's evaluation questionnaire.

Made from a template (``evaluation template`` lists the shipped ones and writes one as JSON to edit),
printed as a paper form or listed for Microsoft Forms, Google Forms and 问卷星, answers imported from
their result files (all rows or none; ``--dry-run`` checks only), results printed or written as PDF/XLSX.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP
from . import output
from .common import ID, Whole, add_json, command_group, handled_by
from .context import Context
from .documents import LANG_HELP, LANGS, PAPERS, _target, save_rendered

COPIES = Whole(1, 1000)


def register(commands: Any) -> None:
    group = command_group(commands, "evaluation", "a seminar's evaluation questionnaire: make, print, import, results")

    template = group.add_parser("template", help="list the shipped templates, show one, or write one as JSON to edit")
    template.add_argument("name", nargs="?", metavar="NAME", help="a shipped template (standard, speakers)")
    template.add_argument("-o", "--output", metavar="FILE.json", help="write the template to FILE.json")
    add_json(template)
    handled_by(template, show_template)

    create = group.add_parser("create", help="make a seminar's questionnaire from a template and its agenda")
    create.add_argument("seminar", type=ID, metavar="SEMINAR", help="the seminar's id")
    create.add_argument("--template", default="standard", metavar="NAME|FILE.json",
                        help="a shipped template (default: standard) or a template file")
    who = create.add_mutually_exclusive_group()
    who.add_argument("--anonymous", dest="anonymous", action="store_true", default=None,
                     help="never link a response to a registration")
    who.add_argument("--linked", dest="anonymous", action="store_false",
                     help="link responses to registrations by the email a result file gives")
    add_json(create)
    handled_by(create, create_form)

    show = group.add_parser("show", help="the questionnaire's questions and how many responses it has")
    show.add_argument("seminar", type=ID, metavar="SEMINAR")
    add_json(show)
    handled_by(show, show_form)

    form = group.add_parser("form", help="the paper form (.pdf) or the questions for online form tools "
                                         "(.txt to paste, .csv, .xlsx)")
    form.add_argument("seminar", type=ID, metavar="SEMINAR")
    form.add_argument("-o", "--output", required=True, metavar="FILE",
                      help="FILE.pdf: the paper form; FILE.txt, .csv or .xlsx: the questions for form tools")
    form.add_argument("--lang", choices=LANGS, default="en", help=LANG_HELP)
    form.add_argument("--paper", choices=PAPERS, default="a4", help="a4 (default) or letter")
    form.add_argument("--copies", type=COPIES, default=1, metavar="N", help="forms in the PDF, one per sheet")
    add_json(form)
    handled_by(form, print_form)

    imp = group.add_parser("import", help="responses from a Microsoft Forms, Google Forms or 问卷星 result file "
                                          "(all rows or none)")
    imp.add_argument("seminar", type=ID, metavar="SEMINAR")
    imp.add_argument("file", metavar="FILE", help="the tool's .xlsx or .csv (any common encoding)")
    imp.add_argument("--map", action="append", default=[], metavar="COLUMN=QUESTION",
                     help="read COLUMN as question number QUESTION (as `evaluation show` numbers them) or title; "
                          "COLUMN=- leaves it out; repeatable")
    imp.add_argument("--dry-run", action="store_true", help="check the file and say what would be imported")
    add_json(imp)
    handled_by(imp, import_file)

    res = group.add_parser("results", help="per question answers, mean and distribution; per session and speaker; "
                                           "comments")
    res.add_argument("seminar", type=ID, metavar="SEMINAR")
    res.add_argument("-o", "--output", metavar="FILE.pdf|FILE.xlsx", help="also write the results as a PDF or workbook")
    res.add_argument("--lang", choices=LANGS, default="en", help=LANG_HELP)
    add_json(res)
    handled_by(res, show_results)


def _results(ctx: Context, seminar_id: int) -> Any:
    from ..core.evaluations.results import evaluation_results
    from ..core.services.common import not_found

    found = ctx.db.read(evaluation_results(seminar_id))[0]
    if found is None:
        with ctx.db.reading() as s:
            from ..core.evaluations.forms import form_of

            form_of(s, seminar_id)  # says which: no such seminar, or no questionnaire
        raise not_found("seminar", seminar_id)
    return found


def show_template(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.evaluations.templates import SHIPPED, shipped

    if args.name is None and args.output is None:
        if args.json:
            output.print_json([{"name": t.name, "description": t.description, "questions": len(t.questions)}
                               for t in SHIPPED.values()])
            return
        for t in SHIPPED.values():
            print(f"{t.name}: {t.description}")
        return
    template = shipped(args.name or "standard")
    data = template.as_json()
    if args.output:
        target = _target(args.output)
        try:
            target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise ValidationError(f"cannot write {target}: {exc.strerror or exc}", where="-o") from None
    if args.json:
        output.print_json(data)
    elif not args.output:
        for n, q in enumerate(template.questions, 1):
            per = f", per {q.per}" if q.per else ""
            print(f"{n}. [{q.kind}{per}] {q.text}" + (f" / {q.text_zh}" if q.text_zh else ""))
    else:
        print(f"template {template.name} written to {args.output}")


def create_form(args: argparse.Namespace, ctx: Context) -> None:
    from ..core.evaluations.forms import create_form as create
    from ..core.evaluations.templates import template_named

    template = template_named(args.template)
    with ctx.db.transaction() as s:
        form_id = create(s, args.seminar, template, anonymous=args.anonymous)
    results = _results(ctx, args.seminar)
    if args.json:
        output.print_json(_form_json(results))
        return
    print(f"evaluation questionnaire {form_id} of seminar {args.seminar} created from {template.name}: "
          f"{len(results.questions)} questions")


def _form_json(r: Any) -> dict[str, Any]:
    return {"id": r.form_id, "seminar_id": r.seminar_id, "template": r.template, "title": r.title,
            "title_zh": r.title_zh, "anonymous": r.anonymous, "responses": r.responses,
            "questions": [{"number": n, "id": q.id, "code": q.code, "kind": q.kind, "text": q.text,
                           "text_zh": q.text_zh, "about": q.about, "about_zh": q.about_zh,
                           "session_id": q.session_id, "speaker_id": q.speaker_id, "required": q.required,
                           "options": [{"en": en, "zh": zh} for en, zh in q.options]}
                          for n, q in enumerate(r.questions, 1)]}


def show_form(args: argparse.Namespace, ctx: Context) -> None:
    r = _results(ctx, args.seminar)
    if args.json:
        output.print_json(_form_json(r))
        return
    print(f"{r.title} — seminar {r.seminar_id} {r.seminar_title}: {len(r.questions)} questions, "
          f"{r.responses} responses ({'anonymous' if r.anonymous else 'linked to registrations by email'})")
    for n, q in enumerate(r.questions, 1):
        print(f"{n:>3}. [{q.kind}] {q.title()}")


def print_form(args: argparse.Namespace, ctx: Context) -> None:
    target = _target(args.output)
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".txt", ".csv", ".xlsx"):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{name}: the file name must end in .pdf, .txt, .csv or .xlsx"),
                              where="-o", name=target.name)
    r = _results(ctx, args.seminar)
    result: dict[str, Any] = {"id": args.seminar, "file": str(target)}
    if suffix == ".pdf":
        from ..documents.evaluation_form_pdf import render_evaluation_form

        rendered = render_evaluation_form(r, paper=args.paper, lang=args.lang, copies=args.copies)
        save_rendered(rendered, target)
        result["pages"] = rendered.pages
        said = f"paper form, {rendered.pages} pages"
    else:
        from ..exporting.evaluation_questions import write_questions

        try:
            write_questions(r, target, lang=args.lang)
        except OSError as exc:
            raise ValidationError(f"cannot write {target}: {exc.strerror or exc}", where="-o") from None
        result["questions"] = len(r.questions)
        said = f"{len(r.questions)} questions for form tools"
    if args.json:
        output.print_json(result)
    else:
        print(f"evaluation of seminar {args.seminar} written to {target} ({said})")


def import_file(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.evaluations.forms import add_responses, form_of
    from ..importing.evaluations import parse_overrides, plan_import

    overrides = parse_overrides(args.map)
    with ctx.db.transaction() as s:
        plan = plan_import(s, args.seminar, args.file, overrides)
        if plan.ok and not args.dry_run:
            add_responses(s, form_of(s, args.seminar).id, plan.responses)
    if args.json:
        output.print_json(plan.as_json() | {"dry_run": args.dry_run, "imported": 0 if args.dry_run or not plan.ok
                                            else len(plan.responses)})
    else:
        head = "dry run, nothing changed; would import" if args.dry_run else "imported"
        print(f"{plan.path} ({plan.described}, {plan.tool}): "
              + (f"{head} {len(plan.responses)} responses, skipped {plan.skipped} imported before, "
                 f"{plan.linked} linked to registrations" if plan.ok else "not imported"))
    if not plan.ok:
        n = len(plan.problems)
        print(f"learninghub: error: {plan.path}: {n} problem{'s' if n != 1 else ''}; nothing was imported",
              file=sys.stderr)
        for problem in plan.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    return 0


def show_results(args: argparse.Namespace, ctx: Context) -> None:
    r = _results(ctx, args.seminar)
    result: dict[str, Any] = {}
    if args.output:
        from ..exporting.tables import format_of

        target = _target(args.output)
        kind = format_of(target, ("pdf", "xlsx"))
        if kind == "pdf":
            from ..documents.evaluation_results_pdf import render_evaluation_results

            rendered = render_evaluation_results(r, lang=args.lang)
            save_rendered(rendered, target)
            result = {"file": str(target), "pages": rendered.pages}
        else:
            from ..exporting.evaluation_results import write_results_xlsx

            try:
                result = {"file": str(target), "sheets": write_results_xlsx(r, Path(target), lang=args.lang)}
            except OSError as exc:
                raise ValidationError(f"cannot write {target}: {exc.strerror or exc}", where="-o") from None
    if args.json:
        output.print_json(result | {"results": r.as_json()})
        return
    print(f"{r.seminar_title}: {r.responses} responses ({r.linked} linked to registrations)")
    rows = []
    for q in r.questions:
        if q.kind == "text":
            rows.append([q.title()[:70], q.answered, f"{len(q.comments)} comments", ""])
        else:
            rows.append([q.title()[:70], q.answered, "" if q.mean is None else f"{q.mean:.2f}",
                         " ".join(str(n) for n in q.distribution)])
    output.print_table(["question", "answers", "mean", "distribution"], rows, max_width=72)
    if r.overall_mean is not None:
        print(f"mean of all ratings: {r.overall_mean:.2f}")
    if result:
        print(f"written to {result['file']}")

"""A seminar with a questionnaire, and result files as the three form tools write them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from learninghub.core.store import Database


@dataclass
class Course:
    """A seminar of three sessions and a break, two registered people, the standard questionnaire (linked)."""

    seminar: int
    form: int
    sessions: list[int]
    li: int
    han: int


@pytest.fixture
def course(db: Database) -> Course:
    from learninghub.core.evaluations import forms, templates
    from learninghub.core.services import agenda, curricula, people, registration, seminars

    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Learning Hub", start_year=2021, end_year=2021)
        sem = seminars.add_seminar(s, curriculum_id=c.id, title="Park City Project", title_zh="公园城市项目",
                                   start="2021-11-15", end="2021-11-16", timezone="Asia/Shanghai", city="Chengdu",
                                   country="CN")
        li = people.add_person(s, given_name="Jia", family_name="Li", native_name="李佳", email="li.jia@example.cn")
        han = people.add_person(s, given_name="Hyeon-suk", family_name="Han", email="han@example.kr")
        ids = []
        for title, zh, start, kind in (("Opening", "开幕式", "09:00", "ceremony"), ("Coffee", None, "10:00", "break"),
                                       ("Greenways", "绿道", "10:30", "talk"), ("Site visit", "现场考察", "14:00", "visit")):
            row = agenda.add_session(s, seminar_id=sem.id, title=title, title_zh=zh, start=f"2021-11-15 {start}",
                                     end=f"2021-11-15 {start[:2]}:55", kind=kind)[0]
            if kind != "break":
                ids.append(row.id)
        for p in (li, han):
            registration.register(s, seminar_id=sem.id, person_id=p.id)
        form = forms.create_form(s, sem.id, templates.shipped("standard"), anonymous=False)
    return Course(sem.id, form, ids, li.id, han.id)


EN = ["Overall, how satisfied are you with the seminar?", "How relevant was the seminar to your city's work?",
      "How well was the seminar organised?", "How useful was this session? [Opening]",
      "How useful was this session? [Greenways]", "How useful was this session? [Site visit]",
      "Which format suits you best for future seminars?", "Which topics would you like to explore further?",
      "Any other comments or suggestions?"]


def ms_forms_xlsx(path: Path) -> Path:
    """Microsoft Forms' 'Open in Excel': ID, Start time, Completion time, Email, Name, then the questions;
    times as date cells, ticked options joined with ';' (and one after the last)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["ID", "Start time", "Completion time", "Email", "Name", *EN])
    t = dt.datetime(2021, 11, 16, 17, 5, 0)
    ws.append([1, t, t + dt.timedelta(minutes=3), "li.jia@example.cn", "Jia Li", 5, 4, 5, 5, 4, 3, "Hybrid",
               "Digital learning;City partnerships;", "Very well organised."])
    ws.append([2, t, t + dt.timedelta(minutes=4), "anonymous", None, 4, 4, 3, 4, 5, None, "On site",
               "Lifelong learning policy;", None])
    ws.append([3, t, t + dt.timedelta(minutes=5), "HAN@example.kr", "Hyeon-suk Han", 4, 3, 4, 3, 5, 4, "Online",
               None, "More time for the site visit, please"])
    wb.save(path)
    return path


def google_forms_csv(path: Path) -> Path:
    """Google Forms' 'Download responses (.csv)': Timestamp, Email Address, then the questions; checkboxes
    joined with ', '."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["Timestamp", "Email Address", *EN])
    w.writerow(["2021/11/16 5:10:11 PM GMT+8", "li.jia@example.cn", "5", "5", "4", "5", "5", "5", "Hybrid",
                "Digital learning, Monitoring and evaluation", ""])
    w.writerow(["2021/11/16 5:12:40 PM GMT+8", "someone@else.org", "3", "4", "4", "2", "3", "4", "Online", "", "Good"])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


ZH = ["1、您对本次研讨会的总体满意度如何？", "2、研讨会内容与您所在城市工作的相关程度如何？", "3、研讨会的组织安排如何？",
      "4、本场次对您有多大帮助？—开幕式", "5、本场次对您有多大帮助？—绿道", "6、本场次对您有多大帮助？—现场考察",
      "7、今后的研讨会，您更倾向于哪种形式？", "8、您希望进一步探讨哪些主题？", "9、其他意见或建议"]


def wjx_csv(path: Path, encoding: str = "gb18030") -> Path:
    """问卷星's 'download as CSV' (按选项文本): 序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP, then the Chinese
    titles numbered '1、'; ratings as labels, ticked options joined with '┋', in GB18030."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", *ZH])
    w.writerow(["1", "2021/11/16 17:20:05", "95秒", "手机提交", "直接访问", "171.221.1.2(四川-成都)", "非常满意", "比较相关",
                "良好", "非常有帮助", "有帮助", "一般", "线上线下结合", "社区学习中心┋城市合作伙伴关系", "希望多安排交流"])
    w.writerow(["2", "2021/11/16 17:21:44", "120秒", "微信", "N/A", "171.221.1.3(四川-成都)", "满意", "一般", "优秀", "4",
                "5", "3", "线下", "(跳过)", "(空)"])
    path.write_bytes(out.getvalue().encode(encoding))
    return path

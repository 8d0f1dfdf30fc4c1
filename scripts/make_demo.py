"""Write data/demo.json: Sam's job search, as it stands on Monday 2026-11-23 at 08:30 in New York.

Run from the checkout: ``python scripts/make_demo.py``. The ids are readable and fixed so tests,
snapshots and the README can refer to them. The story, company by company:

* Northwind Analytics — interviewed Tue 17th, felt great, promised an answer by Fri 20th: broken.
  Priya (former colleague, inside) is an advocate.
* Bluefin Health — onsite Thu 12th, no promise; one check-in on the 19th, unanswered. No advocate.
* Quillstone — interviewed Fri 20th, felt good: the glow lasts until Mon 11:00; thank-you not sent.
* Harbor & Pine — heard back "next round"; the next interview is Wed 25th at 15:00.
* Lumen Freight — three check-ins, no answer: gone quiet. Marcus is an advocate there.
* Copperleaf Bank — rejected on the 6th. Tidewater Labs — applied on the 21st.
* The cold call to Meridian Insurance has been snoozed twice: it is avoided, so the glow puts it
  first ("you have put this off twice — now is the moment").

Days named in notes are written "the 25th": a shifted copy of the demo (``tui/demo.py``) moves
them with the records, so the onsite of Wed 2 Dec is "Onsite on the 2nd".

Sam's earlier search (August to October, all closed now) gives the calibration enough history
to show every part of it: each interview has a finished debrief (felt, estimate, next steps,
signals) and an outcome. Interviews that felt great never advanced; the estimates score worse
than always saying 50%; "references asked" and "salary discussed" went with advancing, a tour
went with not advancing; the other signals have too few debriefs to say anything. Quillstone's
debrief is not done yet, so Today offers it.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from pathlib import Path

import pendulum

from tui.engine.calendar import BusinessCalendar
from tui.engine.mail_records import MailReview, MailSeen
from tui.engine.models import Contact, Interview, Mark, Opportunity, Task, Touch
from tui.engine.promises import promise_in
from tui.engine.settings import Settings
from tui.store import Store
from tui.store.schema import meta_of

TZ = "America/New_York"
ANCHOR = "2026-11-23"


def at(text: str) -> pendulum.DateTime:
    return pendulum.parse(text, tz=TZ)  # type: ignore[return-value]


def day(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


def build(store: Store) -> None:
    created = at("2026-10-01 09:00")
    opportunities = [
        Opportunity(
            id="opp_northwind",
            company="Northwind Analytics",
            role="Senior Data Analyst",
            stage="interviewing",
            source="referral (Priya)",
            url="https://careers.northwind.example/jobs/4411",
            applied_on=day("2026-11-02"),
            created_at=created,
        ),
        Opportunity(
            id="opp_bluefin",
            company="Bluefin Health",
            role="Product Analyst",
            stage="interviewing",
            source="LinkedIn",
            url="https://bluefin.example/careers/product-analyst",
            applied_on=day("2026-10-26"),
            created_at=created,
        ),
        Opportunity(
            id="opp_quillstone",
            company="Quillstone",
            role="Analytics Engineer",
            stage="interviewing",
            source="meetup",
            applied_on=day("2026-11-06"),
            url="https://jobs.quillstone.example/ae",
            created_at=created,
        ),
        Opportunity(
            id="opp_harbor",
            company="Harbor & Pine",
            role="BI Developer",
            stage="interviewing",
            source="recruiter",
            applied_on=day("2026-11-02"),
            created_at=created,
        ),
        Opportunity(
            id="opp_lumen",
            company="Lumen Freight",
            role="Data Analyst",
            stage="interviewing",
            source="job board",
            applied_on=day("2026-10-05"),
            url="https://lumenfreight.example/jobs/da-2026",
            created_at=created,
        ),
        Opportunity(
            id="opp_copperleaf",
            company="Copperleaf Bank",
            role="Risk Data Analyst",
            stage="rejected",
            source="job board",
            applied_on=day("2026-10-12"),
            created_at=created,
        ),
        Opportunity(
            id="opp_tidewater",
            company="Tidewater Labs",
            role="Data Scientist",
            stage="applied",
            source="company site",
            applied_on=day("2026-11-21"),
            url="https://tidewater.example/careers/ds",
            created_at=at("2026-11-21 10:00"),
        ),
    ]
    interviews = [
        Interview(
            id="int_northwind_panel",
            opportunity_id="opp_northwind",
            start=at("2026-11-17 14:00"),
            kind="panel (video)",
            minutes=90,
            interviewers=("Ravi Menon", "Hana Sato"),
            skills=("SQL", "stakeholder storytelling", "A/B testing"),
            promised_by=day("2026-11-20"),
            felt="great",
            notes="Ravi said they would decide by Friday.",
        ),
        Interview(
            id="int_bluefin_screen",
            opportunity_id="opp_bluefin",
            start=at("2026-11-05 11:00"),
            kind="phone screen",
            minutes=30,
            interviewers=("Lena Fischer",),
            skills=("healthcare data",),
            felt="good",
        ),
        Interview(
            id="int_bluefin_onsite",
            opportunity_id="opp_bluefin",
            start=at("2026-11-12 10:00"),
            kind="onsite",
            minutes=180,
            interviewers=("Noah Grant", "Lena Fischer"),
            skills=("product metrics", "Python", "dashboard design"),
            felt="good",
        ),
        Interview(
            id="int_quillstone_tech",
            opportunity_id="opp_quillstone",
            start=at("2026-11-20 11:00"),
            kind="technical (video)",
            minutes=60,
            interviewers=("Jordan Okafor",),
            skills=("dbt", "data modelling", "testing"),
            promised_by=day("2026-12-01"),
            felt="good",
        ),
        Interview(
            id="int_harbor_first",
            opportunity_id="opp_harbor",
            start=at("2026-11-10 13:00"),
            kind="video",
            minutes=45,
            interviewers=("Dana Whitfield",),
            skills=("Power BI", "SQL"),
            promised_by=day("2026-11-17"),
            felt="ok",
        ),
        Interview(
            id="int_harbor_second",
            opportunity_id="opp_harbor",
            start=at("2026-11-25 15:00"),
            kind="onsite",
            minutes=120,
            interviewers=("Dana Whitfield", "Felix Moreau"),
        ),
        Interview(
            id="int_lumen",
            opportunity_id="opp_lumen",
            start=at("2026-10-20 09:30"),
            kind="video",
            minutes=60,
            interviewers=("Gwen Harper",),
            skills=("forecasting", "Excel"),
            felt="ok",
        ),
        Interview(
            id="int_copperleaf",
            opportunity_id="opp_copperleaf",
            start=at("2026-10-28 16:00"),
            kind="video",
            minutes=60,
            felt="rough",
            skills=("regulatory reporting",),
        ),
    ]
    contacts = [
        Contact(
            id="con_priya",
            name="Priya Raman",
            company="Northwind Analytics",
            relation="former colleague",
            email="priya.raman@example.com",
            tags=frozenset({"advocate", "core"}),
            opportunity_ids=("opp_northwind",),
            notes="Referred me. Sits next to the analytics team.",
        ),
        Contact(
            id="con_marcus",
            name="Marcus Lee",
            company="Lumen Freight",
            relation="friend of Chris",
            email="marcus.lee@example.com",
            tags=frozenset({"advocate"}),
            opportunity_ids=("opp_lumen",),
            notes="Said on the 12th the data team is being reorganised.",
        ),
        Contact(
            id="con_aisha",
            name="Aisha Bello",
            company="Quillstone",
            relation="classmate",
            phone="+1 212 555 0143",
            tags=frozenset({"advocate"}),
            opportunity_ids=("opp_quillstone",),
        ),
        Contact(
            id="con_elena",
            name="Elena Sokolova",
            relation="mentor",
            email="elena@example.org",
            tags=frozenset({"core"}),
        ),
        Contact(
            id="con_chris",
            name="Chris Park",
            company="Meridian Insurance",
            relation="former manager",
            email="chris.park@example.com",
            tags=frozenset({"core"}),
        ),
        Contact(
            id="con_tom",
            name="Tom Becker",
            company="Staffwise",
            relation="brother-in-law",
            phone="+1 646 555 0178",
            tags=frozenset({"core"}),
        ),
        Contact(
            id="con_dana",
            name="Dana Whitfield",
            company="Harbor & Pine",
            relation="recruiter",
            email="dana.w@harborpine.example",
        ),
        Contact(
            id="con_lena",
            name="Lena Fischer",
            company="Bluefin Health",
            relation="recruiter",
            email="lena.fischer@bluefin.example",
        ),
        Contact(
            id="con_ravi",
            name="Ravi Menon",
            company="Northwind Analytics",
            relation="hiring manager",
            email="ravi.menon@northwind.example",
        ),
        Contact(
            id="con_jordan",
            name="Jordan Okafor",
            company="Quillstone",
            relation="hiring manager",
            email="jordan@quillstone.example",
        ),
        Contact(id="con_grace", name="Grace Liu", company="Copperleaf Bank", relation="recruiter"),
        Contact(
            id="con_omar",
            name="Omar Haddad",
            company="Fernway",
            relation="meetup friend",
            email="omar.haddad@example.net",
        ),
    ]
    touches = [
        Touch(
            id="tch_lumen_ty",
            kind="thank_you",
            at=at("2026-10-20 17:00"),
            opportunity_id="opp_lumen",
        ),
        Touch(
            id="tch_lumen_ci1",
            kind="check_in",
            at=at("2026-10-27 10:00"),
            opportunity_id="opp_lumen",
        ),
        Touch(
            id="tch_copper_ty",
            kind="thank_you",
            at=at("2026-10-28 19:00"),
            opportunity_id="opp_copperleaf",
        ),
        Touch(
            id="tch_lumen_ci2",
            kind="check_in",
            at=at("2026-11-03 10:00"),
            opportunity_id="opp_lumen",
        ),
        Touch(
            id="tch_bluefin_screen_ty",
            kind="thank_you",
            at=at("2026-11-05 15:00"),
            opportunity_id="opp_bluefin",
            contact_id="con_lena",
        ),
        Touch(
            id="tch_copper_no",
            kind="heard_back",
            at=at("2026-11-06 12:00"),
            opportunity_id="opp_copperleaf",
            contact_id="con_grace",
            direction="in",
            outcome="rejected",
            note="They went with an internal candidate.",
        ),
        Touch(
            id="tch_lumen_ci3",
            kind="check_in",
            at=at("2026-11-10 10:00"),
            opportunity_id="opp_lumen",
        ),
        Touch(
            id="tch_harbor_ty",
            kind="thank_you",
            at=at("2026-11-10 16:00"),
            opportunity_id="opp_harbor",
            contact_id="con_dana",
        ),
        Touch(
            id="tch_bluefin_ty",
            kind="thank_you",
            at=at("2026-11-12 17:30"),
            opportunity_id="opp_bluefin",
            contact_id="con_lena",
        ),
        Touch(
            id="tch_marcus_ask",
            kind="advocate_ask",
            at=at("2026-11-12 12:30"),
            opportunity_id="opp_lumen",
            contact_id="con_marcus",
            channel="phone",
            answers={
                "internal_change": "the data team is being reorganised",
                "still_posted": "yes",
            },
            note="Thinks the role is on hold until January.",
        ),
        Touch(
            id="tch_harbor_next",
            kind="heard_back",
            at=at("2026-11-16 09:40"),
            opportunity_id="opp_harbor",
            contact_id="con_dana",
            direction="in",
            outcome="next_round",
            note="Onsite on the 25th with Felix (BI lead).",
        ),
        Touch(
            id="tch_northwind_ty",
            kind="thank_you",
            at=at("2026-11-17 18:10"),
            opportunity_id="opp_northwind",
            contact_id="con_ravi",
        ),
        Touch(
            id="tch_elena_update",
            kind="network_update",
            at=at("2026-11-18 08:00"),
            contact_id="con_elena",
            note="Told her about the Northwind panel.",
        ),
        Touch(
            id="tch_bluefin_ci1",
            kind="check_in",
            at=at("2026-11-19 10:15"),
            opportunity_id="opp_bluefin",
            contact_id="con_lena",
        ),
        Touch(
            id="tch_chris_update",
            kind="network_update",
            at=at("2026-10-22 19:00"),
            contact_id="con_chris",
            channel="phone",
        ),
        Touch(
            id="tch_omar_call",
            kind="call",
            at=at("2026-11-13 17:00"),
            contact_id="con_omar",
            channel="phone",
            note="Fernway is hiring an analytics lead in January.",
        ),
    ]
    tasks = [
        Task(
            id="tsk_fernway_apply",
            title="Apply: Analytics Lead at Fernway",
            kind="apply",
            minutes=60,
            due=day("2026-11-23"),
            company="Fernway",
            created_at=created,
        ),
        Task(
            id="tsk_meridian_call",
            title="Cold call Meridian Insurance's data team",
            kind="cold_call",
            minutes=30,
            company="Meridian Insurance",
            snoozed_to=day("2026-11-20"),
            created_at=created,
        ),
        Task(
            id="tsk_harbor_prep",
            title="Prepare for Harbor & Pine onsite: their BI stack",
            kind="prep",
            minutes=45,
            due=day("2026-11-24"),
            company="Harbor & Pine",
            created_at=created,
        ),
        Task(
            id="tsk_kestrel_apply",
            title="Apply: Data Analyst at Kestrel Energy",
            kind="apply",
            company="Kestrel Energy",
            created_at=created,
        ),
        Task(
            id="tsk_omar_call",
            title="Call Omar about the Fernway team",
            kind="networking_call",
            minutes=30,
            due=day("2026-11-24"),
            company="Fernway",
            created_at=created,
        ),
        Task(
            id="tsk_tidewater_apply",
            title="Apply: Data Scientist at Tidewater Labs",
            kind="apply",
            minutes=45,
            status="done",
            done_at=at("2026-11-21 10:00"),
            company="Tidewater Labs",
            created_at=created,
        ),
        Task(
            id="tsk_portfolio",
            title="Refresh portfolio README with the churn project",
            kind="other",
            minutes=40,
            due=day("2026-11-27"),
            created_at=created,
        ),
    ]
    interviews = [_with_debrief(i) for i in interviews]
    history = calibration_history()
    marks = [  # the Meridian call, snoozed twice (each snooze leaves a mark)
        Mark(id="mrk_meridian_1", item_id="tsk_meridian_call", snoozed_to=day("2026-11-19")),
        Mark(id="mrk_meridian_2", item_id="tsk_meridian_call", snoozed_to=day("2026-11-20")),
    ]
    with store.transaction():
        store.save_settings(
            Settings()
            .with_text("timezone", TZ)
            .with_text("country", "US")
            .with_text("your_name", "Sam Rivera")
        )
        store.upsert_many([*opportunities, *interviews, *contacts, *touches, *tasks, *marks])
        store.upsert_many(history)
        store.upsert_many(mail())


def mail() -> list[MailSeen | MailReview]:
    """Mail (issue 16): what Sunday evening's scan of Sam's Maildir left. Three messages wait
    for review (a rejection, a receipt through an applicant-tracking system, an invitation);
    two of the touches above came from the scan. Nothing here moves a clock the story set."""
    scanned = at("2026-11-22 20:00")
    review = [
        (
            "rev_lumen_no",
            "msg_demo_lumen_no",
            at("2026-11-20 17:45"),
            "rejected",
            "opp_lumen",
            "Update on your application - Data Analyst",
            "no-reply@talent.lumenfreight.example",
            "domain",
            "a rejection: nothing changes until you accept it",
        ),
        (
            "rev_tidewater_ack",
            "msg_demo_tidewater_ack",
            at("2026-11-21 09:40"),
            "acknowledgement",
            "opp_tidewater",
            "Your application to Tidewater Labs",
            "no-reply@greenhouse-mail.example",
            "ats",
            "matched by the company an applicant-tracking system names only",
        ),
        (
            "rev_northwind_invite",
            "msg_demo_northwind_invite",
            at("2026-11-22 11:05"),
            "interview_invite",
            "opp_northwind",
            "Invitation: Northwind follow-up with Hannah @ Mon Nov 30, 2026 10am",
            "ravi.menon@northwind.example",
            "address",
            "an invitation to interview: accept it to add the interview",
        ),
    ]
    records: list[MailSeen | MailReview] = []
    for review_id, seen_id, when, verdict, opportunity, subject, sender, match, why in review:
        invite = verdict == "interview_invite"
        records.append(
            MailSeen(
                id=seen_id,
                at=when,
                direction="in",
                verdict=verdict,
                action="review",
                message_id=f"<{seen_id}@demo.example>",
                counterpart=sender,
                subject=subject,
                opportunity_id=opportunity,
                review_id=review_id,
                handled_at=scanned,
            )
        )
        records.append(
            MailReview(
                id=review_id,
                seen_id=seen_id,
                at=when,
                direction="in",
                verdict=verdict,
                subject=subject,
                counterpart=sender,
                message_id=f"<{seen_id}@demo.example>",
                opportunity_id=opportunity,
                contact_id="con_ravi" if invite else None,
                match=match,
                reason=why,
                created_at=scanned,
                invite_method="REQUEST" if invite else "",
                invite_uid="northwind-followup-2026-11-30@northwind.example" if invite else "",
                invite_start=at("2026-11-30 10:00") if invite else None,
                invite_minutes=45 if invite else 0,
                invite_kind="video" if invite else "",
                invite_summary="Northwind follow-up with Hannah" if invite else "",
                invite_interviewers=("Ravi Menon", "Hannah Cole") if invite else (),
                invite_new_contacts=("Hannah Cole <hannah.cole@northwind.example>",)
                if invite
                else (),
            )
        )
    for seen_id, touch_id, when, subject, contact, opportunity, sender in (
        (
            "msg_demo_northwind_ty",
            "tch_northwind_ty",
            at("2026-11-17 18:10"),
            "Thank you - panel",
            "con_ravi",
            "opp_northwind",
            "ravi.menon@northwind.example",
        ),
        (
            "msg_demo_bluefin_ty",
            "tch_bluefin_ty",
            at("2026-11-12 17:30"),
            "Thank you for today",
            "con_lena",
            "opp_bluefin",
            "lena.fischer@bluefin.example",
        ),
    ):
        records.append(
            MailSeen(
                id=seen_id,
                at=when,
                direction="out",
                verdict="sent",
                action="applied",
                sent_kind="thank_you",
                message_id=f"<{seen_id}@fastmail.example>",
                counterpart=sender,
                subject=subject,
                opportunity_id=opportunity,
                contact_id=contact,
                touch_id=touch_id,
                handled_at=scanned,
            )
        )
    return records


# -- the debriefs and the earlier search (issue 18: calibration) ------------------------------

NEXT, TOUR, SALARY, REFS, SOLD, EARLY, STUMPED = (
    "next steps or a date named",
    "met more people than planned / a tour",
    "salary, notice period or start date discussed",
    "references asked",
    "they sold the role to you",
    "it ended early",
    "questions you could not answer",
)
DEBRIEFS = {  # the current interviews' debriefs (Quillstone's is not done: Today offers it)
    "int_northwind_panel": (85, "Ravi: a decision by Friday", (NEXT, TOUR, SOLD)),
    "int_bluefin_screen": (70, "an onsite, if the team agrees", (NEXT, TOUR, SALARY)),
    "int_bluefin_onsite": (60, "they will be in touch", (REFS,)),
    "int_harbor_first": (50, "Dana: an answer by Tuesday next week", (NEXT, REFS)),
    "int_lumen": (40, "Gwen: they would be in touch", (NEXT,)),
    "int_copperleaf": (15, "", (STUMPED, EARLY)),
}


def _with_debrief(interview: Interview) -> Interview:
    found = DEBRIEFS.get(interview.id)
    if found is None:
        return interview
    estimate, said, signals = found
    return dataclasses.replace(
        interview,
        estimate=estimate,
        next_steps=said,
        signals=signals,
        debriefed_at=interview.start.add(minutes=interview.minutes + 40),
    )


# company, held, felt, estimate, what they said, signals, outcome (heard back N days later)
EARLIER = [
    (
        "Alder & Finch",
        "2026-08-11 10:00",
        "great",
        90,
        "they'll call by Monday",
        (NEXT, TOUR, SOLD),
        "rejected",
        10,
    ),
    (
        "Brightwater Energy",
        "2026-08-18 14:00",
        "good",
        70,
        "next steps in two weeks",
        (NEXT, SALARY, REFS),
        "next_round",
        9,
    ),
    (
        "Brightwater Energy",
        "2026-09-03 11:00",
        "good",
        75,
        "an answer by Friday",
        (REFS, SALARY),
        "offer",
        6,
    ),
    (
        "Cinder Analytics",
        "2026-08-25 09:30",
        "ok",
        40,
        "we'll be in touch",
        (STUMPED,),
        "rejected",
        8,
    ),
    (
        "Dovetail Retail",
        "2026-09-08 15:00",
        "great",
        80,
        "a decision by the end of next week",
        (NEXT, TOUR, SOLD),
        "rejected",
        7,
    ),
    ("Elmstead Insurance", "2026-09-10 10:00", "ok", 50, "", (SALARY, REFS), "next_round", 7),
    (
        "Elmstead Insurance",
        "2026-09-24 13:00",
        "good",
        65,
        "by the end of the month",
        (REFS, SALARY, TOUR),
        "rejected",
        8,
    ),
    ("Fairlight Media", "2026-09-15 16:00", "rough", 20, "", (EARLY, STUMPED), "rejected", 3),
    (
        "Granite Logistics",
        "2026-09-29 10:00",
        "good",
        60,
        "by the end of next week",
        (NEXT, REFS),
        "next_round",
        7,
    ),
    ("Granite Logistics", "2026-10-13 10:00", "ok", 45, "", (STUMPED,), "rejected", 8),
    ("Hollis Group", "2026-10-05 11:00", "great", 85, "a call on Thursday", (TOUR, SOLD), None, 0),
]
FINAL_STAGE = {
    "Alder & Finch": "rejected",
    "Brightwater Energy": "withdrawn",  # Sam turned the offer down: the pay was too low
    "Cinder Analytics": "rejected",
    "Dovetail Retail": "rejected",
    "Elmstead Insurance": "rejected",
    "Fairlight Media": "rejected",
    "Granite Logistics": "rejected",
    "Hollis Group": "closed",  # three check-ins, no word: closed
}


def _slug(company: str) -> str:
    return "".join(c for c in company.lower() if c.isalnum())[:12]


def calibration_history() -> list[Opportunity | Interview | Touch]:
    """Sam's earlier, closed search: interviews with finished debriefs and their outcomes."""
    made: list[Opportunity | Interview | Touch] = []
    calendar = BusinessCalendar("US")
    rounds: dict[str, int] = {}
    for company, held, felt, estimate, said, signals, outcome, after in EARLIER:
        slug = _slug(company)
        opportunity_id = f"opp_{slug}"
        if company not in rounds:
            made.append(
                Opportunity(
                    id=opportunity_id,
                    company=company,
                    role="Data Analyst",
                    stage=FINAL_STAGE[company],
                    source="job board",
                    applied_on=at(held).date().subtract(days=14),
                    created_at=at(held).subtract(days=14),
                )
            )
        rounds[company] = rounds.get(company, 0) + 1
        start = at(held)
        promise = promise_in(said, start.date(), calendar) if said else None
        interview = Interview(
            id=f"int_{slug}_{rounds[company]}",
            opportunity_id=opportunity_id,
            start=start,
            kind="video",
            minutes=60,
            promised_by=promise.day if promise else None,
            felt=felt,
            estimate=estimate,
            next_steps=said,
            signals=signals,
            debriefed_at=start.add(minutes=100),
        )
        made.append(interview)
        made.append(
            Touch(
                id=f"tch_{slug}_{rounds[company]}_ty",
                kind="thank_you",
                at=start.add(hours=5),
                opportunity_id=opportunity_id,
            )
        )
        if outcome is not None:
            made.append(
                Touch(
                    id=f"tch_{slug}_{rounds[company]}_heard",
                    kind="heard_back",
                    at=start.add(days=after).set(hour=12),
                    opportunity_id=opportunity_id,
                    direction="in",
                    outcome=outcome,
                )
            )
        else:
            for number, weeks in enumerate((1, 2, 3), start=1):
                made.append(
                    Touch(
                        id=f"tch_{slug}_ci{number}",
                        kind="check_in",
                        at=start.add(weeks=weeks, days=1),
                        opportunity_id=opportunity_id,
                    )
                )
    return made


def main() -> int:
    target = Path(__file__).resolve().parent.parent / "data" / "demo.json"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.json"
        store = Store(path, default_timezone=lambda: TZ)
        build(store)
        import json

        data = json.loads(path.read_text(encoding="utf-8"))
        meta = meta_of(data)
        assert meta is not None
        meta["created_at"] = "2026-11-23T08:30:00-05:00"
        meta["demo_anchor"] = ANCHOR
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write tests/mail/data/tuning/: the hand-written TUNING corpus (the rules are tuned on it).

Run from the checkout: ``python tests/mail/data/make_tuning.py``. The world it is written
against is ``world.json`` beside this file (Sam Rivera's search, November 2026, New York). It was
written before the classifier's rules, covering what issue 16 lists: each applicant-tracking
system's receipts and rejections, recruiters and hiring managers, invitations with and without a
calendar part, offers, Sam's own thank-yous and check-ins, job alerts, newsletters, LinkedIn
notifications, personal mail, quoted history, HTML-only mail, legacy charsets, forwards.

The rules are tuned on this set only; the measuring set (written by a helper who never saw the
rules) is scored by the same benchmark and never opened while tuning.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_kit import ME, Corpus, ics

HERE = Path(__file__).resolve().parent

Q = ("Quillstone", "opp_quill")
H = ("Harbor & Pine", "opp_harbor")
N = ("Northwind Analytics", "opp_northwind")
B = ("Bluefin Health", "opp_bluefin")
AV = ("Avra Systems", "opp_avra")
AL = ("Avail", "opp_avail")
FN = ("Fernway", "opp_fern_new")
FO = ("Fernway", "opp_fern_old")
C = ("Cobalt Ridge Bank", "opp_cobalt")
M = ("Meridian Retail", "opp_meridian")
T = ("Tidewater Labs", "opp_tidewater")
K = ("Kestrel", "opp_kestrel")
NONE = (None, None)

SAM2 = "Sam Rivera <sam@rivera.example>"
DANA = "Dana Whitfield <dana.whitfield@quillstone.example>"
OMAR = "Omar Haddad <omar@quillstone.example>"
LENA = "Lena Fischer <lena.fischer@harborpine.example>"
RAVI = "Ravi Menon <ravi.menon@northwind.example>"
PRIYA = "Priya Raman <priya.raman@gmail.example>"
MARCUS = "Marcus Lee <marcus.lee@bluefin.example>"
TOM = "Tom Okafor <tom.okafor@fernway.example>"
JO = "Jo Park <jo.park@outlook.example>"


def lab(verdict: str, who: tuple[str | None, str | None], note: str, direction: str = "in"):
    return (verdict, direction, who[0], who[1], note)


def acknowledgements(c: Corpus) -> None:
    c.mail(
        "greenhouse-ack-quillstone",
        lab("acknowledgement", Q, "Greenhouse receipt, company in the display name and body"),
        frm="Quillstone Recruiting <no-reply@us.greenhouse-mail.example>",
        to=ME,
        subject="Thank you for applying to Quillstone",
        date="2026-10-21 14:02 +0000",
        text=(
            "Hi Sam,\n\nThanks for applying to Quillstone! Your application for the Analytics "
            "Engineer role has been received and our team will review it shortly.\n\nIf your "
            "background is a fit, a member of our recruiting team will reach out to discuss next "
            "steps. Due to the volume of applications we cannot respond to everyone "
            "individually.\n\nBest,\nThe Quillstone Talent Team\n\n--\nPowered by Greenhouse\n"
        ),
        headers={"Auto-Submitted": "auto-generated"},
    )
    c.mail(
        "greenhouse-ack-tidewater-html",
        lab("acknowledgement", T, "Greenhouse receipt, HTML only"),
        frm="Tidewater Labs <no-reply@greenhouse.example>",
        to=ME,
        subject="Your application to Tidewater Labs",
        date="2026-11-21 09:40 -0500",
        html=(
            "<html><body style='font-family:Arial'><table><tr><td>"
            "<img src='https://tidewater.example/logo.png' alt='Tidewater Labs'></td></tr>"
            "<tr><td><p>Hello Sam,</p><p>We have received your application for "
            "<b>Data Scientist</b> at Tidewater Labs. Thank you for your interest!</p>"
            "<p><strong>What happens next?</strong> Our hiring team reviews every application. "
            "If there is a match we will contact you to schedule an initial conversation.</p>"
            "<p>Warm regards,<br>Tidewater Labs Recruiting</p></td></tr></table>"
            "<p style='font-size:10px;color:#999'>This is an automated message. Please do not "
            "reply.</p></body></html>"
        ),
    )
    c.mail(
        "lever-ack-harbor",
        lab("acknowledgement", H, "Lever receipt; company named in subject and body"),
        frm="Harbor & Pine <no-reply@hire.lever.example>",
        to=ME,
        subject="Thanks for your application to Harbor & Pine",
        date="2026-10-14 18:22 +0000",
        text=(
            "Sam,\n\nThank you for your interest in Harbor & Pine. We've received your "
            "application for BI Developer and are reviewing your background.\n\nWe appreciate "
            "your patience; if we'd like to move forward we'll be in touch about next steps.\n\n"
            "— Harbor & Pine Talent\n\nSent via Lever\n"
        ),
    )
    c.mail(
        "workday-ack-northwind",
        lab("acknowledgement", N, "Workday receipt from the company's tenant sender"),
        frm="Northwind Analytics <northwind@myworkday.example>",
        to=ME,
        subject="Application Received - Senior Data Analyst (R-4411)",
        date="2026-11-02 11:05 -0500",
        html=(
            "<div><p>Dear Sam Rivera,</p><p>Thank you for applying for the position of "
            "<b>Senior Data Analyst (R-4411)</b> at Northwind Analytics. This email confirms "
            "that your application has been successfully submitted.</p><p>You can review the "
            "status of your application at any time by signing in to the Northwind Analytics "
            "Career Site.</p><p>Sincerely,<br>Northwind Analytics Talent Acquisition</p>"
            "<p><i>Please do not reply to this message; this mailbox is not monitored.</i></p>"
            "</div>"
        ),
        headers={"X-Auto-Response-Suppress": "All"},
    )
    c.mail(
        "ashby-ack-bluefin",
        lab("acknowledgement", B, "Ashby receipt"),
        frm="Bluefin Health <no-reply@ashbyhq.example>",
        to=ME,
        subject="We received your application: Product Analyst",
        date="2026-10-26 16:31 +0000",
        text=(
            "Hi Sam,\n\nThanks for applying to the Product Analyst role at Bluefin Health. "
            "We've got your application and the hiring team will take a look.\n\n"
            "Next steps: if your experience lines up with what the team needs, we'll reach out "
            "to set up a first conversation. Either way, we'll let you know.\n\n"
            "Bluefin Health Recruiting\n"
        ),
    )
    c.mail(
        "smartrecruiters-ack-avra",
        lab("acknowledgement", AV, "SmartRecruiters receipt, multipart"),
        frm="Avra Systems <noreply@smartrecruiters.example>",
        to=ME,
        subject="Avra Systems - Application confirmation",
        date="2026-11-09 10:12 -0500",
        text=(
            "Dear Sam,\n\nThank you for your application for the Analytics Lead position at "
            "Avra Systems. We confirm that we have received it.\n\nOur recruiters will review "
            "your profile and contact you if your qualifications match our requirements.\n\n"
            "Kind regards,\nAvra Systems Recruiting Team\n"
        ),
        html=(
            "<p>Dear Sam,</p><p>Thank you for your application for the <b>Analytics Lead</b> "
            "position at Avra Systems. We confirm that we have received it.</p><p>Our recruiters "
            "will review your profile and contact you if your qualifications match our "
            "requirements.</p><p>Kind regards,<br>Avra Systems Recruiting Team</p>"
        ),
    )
    c.mail(
        "icims-ack-fernway",
        lab("acknowledgement", FN, "iCIMS receipt for the 2026 Analytics Lead role"),
        frm="Fernway Careers <fernway-careers@talent.icims.example>",
        to=ME,
        subject="Fernway: Thank you for applying - Analytics Lead",
        date="2026-11-04 08:55 -0500",
        text=(
            "Dear Sam,\n\nThank you for applying for the Analytics Lead position (Req 2026-118) "
            "at Fernway. Your submission was received.\n\nWe will review your qualifications "
            "and will contact you should your experience match our needs.\n\n"
            "Fernway Talent Acquisition\n\n"
            "This message was sent from an unmonitored mailbox.\n"
        ),
    )
    c.mail(
        "taleo-ack-cobalt-win1252",
        lab("acknowledgement", C, "Taleo receipt, windows-1252 quoted-printable"),
        frm="Cobalt Ridge Bank Careers <cobaltridge@taleo.example>",
        to=ME,
        subject="Cobalt Ridge Bank – We’ve received your application",
        date="2026-11-10 07:30 -0500",
        text=(
            "Dear Sam Rivera,\n\nThank you for your interest in a career with Cobalt Ridge Bank. "
            "We’ve received your application for Risk Analyst (Requisition 88213).\n\n"
            "Our recruiting team will review your application. Should your qualifications match "
            "the role’s requirements, a recruiter will contact you to discuss next steps.\n\n"
            "Regards,\nCobalt Ridge Bank – Talent Acquisition\n"
        ),
        charset="windows-1252",
        cte="quoted-printable",
    )
    c.mail(
        "jobvite-ack-meridian",
        lab("acknowledgement", M, "Jobvite receipt"),
        frm="Meridian Retail <notification@jobvite.example>",
        to=ME,
        subject="Thank you for applying to Meridian Retail",
        date="2026-11-12 13:18 -0500",
        text=(
            "Hi Sam,\n\nThank you for applying to the Pricing Analyst job at Meridian Retail. "
            "We have received your application and will be reviewing it soon.\n\n"
            "Thank you,\nMeridian Retail Recruiting\n\n"
            "Please do not reply to this email. Replies are not monitored.\n"
        ),
    )
    c.mail(
        "linkedin-easyapply-kestrel",
        lab("acknowledgement", K, "LinkedIn Easy Apply: 'your application was sent'"),
        frm="LinkedIn <jobs-noreply@linkedin.example>",
        to=ME,
        subject="Sam, your application was sent to Kestrel",
        date="2026-11-05 12:44 +0000",
        html=(
            "<html><body><h2>Your application was sent to Kestrel</h2>"
            "<p>Marketing Analyst &middot; Kestrel &middot; New York, NY (Hybrid)</p>"
            "<p>Applied on November 5, 2026</p><p><a href='https://www.linkedin.example/jobs/"
            "view/99'>View job</a></p><p>Now, take these next steps for more success with your "
            "job search: update your profile, explore similar jobs.</p>"
            "<p style='color:#666'>You are receiving Job Applied emails. Unsubscribe.</p>"
            "</body></html>"
        ),
        headers={"List-Unsubscribe": "<https://www.linkedin.example/unsub>"},
    )
    c.mail(
        "greenhouse-ack-quillstone-assessment",
        lab("acknowledgement", Q, "assessment submission receipt, 'next steps' must not invite"),
        frm="Quillstone <no-reply@us.greenhouse-mail.example>",
        to=ME,
        subject="Quillstone: your take-home assignment was submitted",
        date="2026-11-06 22:10 +0000",
        text=(
            "Hi Sam,\n\nThis confirms we received your take-home assignment for the Analytics "
            "Engineer position. Thank you for the time you put into it.\n\nNext steps: the team "
            "will review your submission this week, and your recruiter will follow up with you "
            "about next steps.\n\nQuillstone Recruiting\n"
        ),
    )
    c.mail(
        "icims-ack-fernway-2025",
        lab("acknowledgement", FO, "a 2025 receipt for the old Data Analyst application"),
        frm="Fernway Careers <fernway-careers@talent.icims.example>",
        to=ME,
        subject="Fernway: Thank you for applying - Data Analyst",
        date="2025-03-11 09:02 -0400",
        text=(
            "Dear Sam,\n\nThank you for applying for the Data Analyst position (Req 2025-031) "
            "at Fernway. Your submission was received.\n\nWe will review your qualifications "
            "and will contact you should your experience match our needs.\n\n"
            "Fernway Talent Acquisition\n"
        ),
    )


def rejections(c: Corpus) -> None:
    c.mail(
        "greenhouse-reject-tidewater",
        lab("rejected", T, "Greenhouse rejection that starts by thanking for the application"),
        frm="Tidewater Labs <no-reply@greenhouse.example>",
        to=ME,
        subject="Your application to Tidewater Labs",
        date="2026-11-27 15:12 -0500",
        text=(
            "Hi Sam,\n\nThank you for applying for the Data Scientist position at Tidewater "
            "Labs and for your interest in joining our team.\n\nAfter careful consideration, we "
            "have decided to move forward with other candidates whose experience more closely "
            "matches our current needs.\n\nWe appreciate the time you invested and wish you the "
            "best in your search.\n\nTidewater Labs Recruiting\n"
        ),
    )
    c.mail(
        "workday-reject-northwind-talent",
        lab("rejected", N, "Workday rejection from talent.<company> domain, HTML only"),
        frm="Northwind Analytics Talent <no-reply@talent.northwind.example>",
        to=ME,
        subject="Update on your application - Senior Data Analyst",
        date="2026-11-25 17:45 -0500",
        html=(
            "<table width='100%'><tr><td><p>Dear Sam,</p><p>Thank you for your interest in the "
            "Senior Data Analyst role and for the time you spent with our team.</p><p>We "
            "regret to inform you that we will not be moving forward with your candidacy at "
            "this time. This was a difficult decision given the strength of the applicant "
            "pool.</p><p>We encourage you to apply for future openings that match your "
            "skills.</p><p>Best regards,<br>Talent Acquisition<br>Northwind Analytics</p>"
            "</td></tr></table>"
        ),
    )
    c.mail(
        "ashby-reject-bluefin",
        lab("rejected", B, "Ashby rejection after an onsite"),
        frm="Bluefin Health <no-reply@ashbyhq.example>",
        to=ME,
        subject="Following up on your Product Analyst interviews",
        date="2026-11-20 10:03 -0500",
        text=(
            "Hi Sam,\n\nThank you so much for taking the time to interview with us for the "
            "Product Analyst role. The team enjoyed meeting you.\n\nUnfortunately, we've decided "
            "not to move forward with your application at this time. It was a close call, and "
            "we'd love to stay in touch for future roles.\n\nAll the best,\nBluefin Health "
            "Recruiting\n"
        ),
    )
    c.mail(
        "smartrecruiters-reject-avra",
        lab("rejected", AV, "SmartRecruiters 'position filled' rejection"),
        frm="Avra Systems <noreply@smartrecruiters.example>",
        to=ME,
        subject="Your application for Analytics Lead at Avra Systems",
        date="2026-11-24 08:20 -0500",
        text=(
            "Dear Sam,\n\nThank you for your interest in the Analytics Lead position at Avra "
            "Systems.\n\nWe would like to inform you that the position has been filled. We will "
            "keep your profile in our talent pool and may contact you about future "
            "opportunities.\n\nKind regards,\nAvra Systems Recruiting Team\n"
        ),
    )
    c.mail(
        "icims-reject-fernway-old",
        lab("rejected", FO, "a 2025 iCIMS rejection naming the old Data Analyst role"),
        frm="Fernway Careers <fernway-careers@talent.icims.example>",
        to=ME,
        subject="Fernway - Data Analyst (Req 2025-031)",
        date="2025-04-02 16:40 -0400",
        text=(
            "Dear Sam,\n\nThank you for your interest in the Data Analyst position at Fernway. "
            "We have reviewed your application and regret that we will not be proceeding with "
            "your candidacy for this position.\n\nWe wish you success in your job search.\n\n"
            "Fernway Talent Acquisition\n"
        ),
    )
    c.mail(
        "taleo-reject-cobalt",
        lab("rejected", C, "Taleo rejection, stiff wording"),
        frm="Cobalt Ridge Bank Careers <cobaltridge@taleo.example>",
        to=ME,
        subject="Your candidacy for Risk Analyst - Requisition 88213",
        date="2026-11-26 06:15 -0500",
        text=(
            "Dear Sam Rivera,\n\nWe appreciate your interest in Cobalt Ridge Bank and the time "
            "you took to apply for the Risk Analyst position.\n\nAfter reviewing your "
            "qualifications, we have selected other candidates whose qualifications better meet "
            "our needs for this position.\n\nWe will retain your information and encourage you "
            "to visit our career site for future openings.\n\nSincerely,\nCobalt Ridge Bank "
            "Talent Acquisition\n"
        ),
    )
    c.mail(
        "jobvite-reject-meridian-html",
        lab("rejected", M, "Jobvite rejection, HTML only"),
        frm="Meridian Retail <notification@jobvite.example>",
        to=ME,
        subject="Meridian Retail - Pricing Analyst",
        date="2026-11-23 11:11 -0500",
        html=(
            "<p>Hi Sam,</p><p>Thank you for applying to the Pricing Analyst role at Meridian "
            "Retail. We truly appreciate your interest.</p><p>While your background is "
            "impressive, we have decided to pursue other applicants for this role.</p><p>We "
            "wish you all the best.</p><p>Meridian Retail Recruiting</p>"
        ),
    )
    c.mail(
        "lever-reject-harbor",
        lab("rejected", H, "Lever rejection after the onsite"),
        frm="Harbor & Pine <no-reply@hire.lever.example>",
        to=ME,
        subject="Your application to Harbor & Pine",
        date="2026-11-28 09:30 -0500",
        text=(
            "Hi Sam,\n\nThank you again for interviewing with Harbor & Pine for the BI Developer "
            "role. After much deliberation, the team has decided not to proceed with your "
            "application.\n\nWe know this is disappointing, and we're grateful for the energy "
            "you brought to the process.\n\nHarbor & Pine Talent\n"
        ),
    )
    c.mail(
        "linkedin-reject-kestrel",
        lab("rejected", K, "LinkedIn application update: not selected"),
        frm="LinkedIn <jobs-noreply@linkedin.example>",
        to=ME,
        subject="Your application to Marketing Analyst at Kestrel",
        date="2026-11-27 19:02 +0000",
        html=(
            "<html><body><p>Your update from Kestrel</p><p>Thank you for your interest in the "
            "Marketing Analyst position at Kestrel in New York, NY. Unfortunately, we will not "
            "be moving forward with your application, but we appreciate your time and interest "
            "in Kestrel.</p><p>Regards,<br>Kestrel</p><p>Top jobs looking for your skills</p>"
            "<p>Unsubscribe &middot; Help</p></body></html>"
        ),
    )
    c.mail(
        "avail-person-reject",
        lab("rejected", AL, "a person at Avail (closed) writes the rejection directly"),
        frm="Nina Brooks <nina@avail.example>",
        to=ME,
        subject="Re: Data Analyst role",
        date="2026-11-03 14:48 -0500",
        in_reply_to="<avail-thread-1@fastmail.example>",
        text=(
            "Hi Sam,\n\nThanks for your patience. I'm sorry to say we've decided to go with "
            "another candidate for the Data Analyst role. It was genuinely close and I enjoyed "
            "our conversations.\n\nI'll keep you in mind if something else opens up.\n\nNina\n\n"
            "On Mon, Nov 2, 2026 at 9:12 AM Sam Rivera <sam.rivera@fastmail.example> wrote:\n"
            "> Hi Nina, just checking in on the Data Analyst role. Any update on timing?\n"
            "> Thanks, Sam\n"
        ),
    )
    c.mail(
        "quillstone-dana-reject",
        lab("rejected", Q, "recruiter contact delivers the rejection herself"),
        frm=DANA,
        to=ME,
        subject="Quillstone - update",
        date="2026-11-30 10:20 -0500",
        text=(
            "Hi Sam,\n\nI wanted to reach out personally. The team met yesterday and "
            "unfortunately they have decided not to move forward with your candidacy for the "
            "Analytics Engineer role. They were impressed by your dbt work, and I'd be glad to "
            "keep you in mind for future openings.\n\nThanks again for all your time,\nDana\n"
        ),
    )
    c.mail(
        "fernway-tom-reject-newrole",
        lab("rejected", FN, "Fernway recruiter rejects the 2026 role"),
        frm=TOM,
        to=ME,
        subject="Analytics Lead - decision",
        date="2026-11-29 16:05 -0500",
        text=(
            "Sam,\n\nThank you for meeting the team last week. I'm sorry to share that we won't "
            "be moving ahead with you for the Analytics Lead position; the panel felt another "
            "candidate had more experience leading a team.\n\nI really appreciated working with "
            "you on this.\n\nBest,\nTom Okafor | Talent Partner | Fernway\n"
        ),
    )
    c.raw(
        "taleo-reject-no-message-id",
        lab("rejected", C, "no Message-ID header at all: keyed by a hash"),
        """
Return-Path: <bounces@taleo.example>
From: "Cobalt Ridge Bank Careers" <cobaltridge@taleo.example>
To: sam.rivera@fastmail.example
Subject: Cobalt Ridge Bank - Quantitative Risk Analyst
Date: Wed, 18 Nov 2026 05:50:10 -0500
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"

Dear Sam Rivera,

Thank you for applying to Cobalt Ridge Bank. We have carefully reviewed your
application and unfortunately we are unable to offer you a position at this
time. The requisition has been closed.

We wish you well in your career search.

Cobalt Ridge Bank Talent Acquisition
""",
    )
    c.mail(
        "icims-reject-fernway-new-html",
        lab("rejected", FN, "iCIMS rejection for the 2026 role (closed old role must not win)"),
        frm="Fernway Careers <fernway-careers@talent.icims.example>",
        to=ME,
        subject="Fernway: An update on your application",
        date="2026-11-30 08:05 -0500",
        html=(
            "<p>Dear Sam,</p><p>Thank you for your interest in Fernway. After careful review, "
            "we have decided not to move forward with your application for the Analytics Lead "
            "position.</p><p>We appreciate your interest in Fernway and wish you the best.</p>"
            "<p>Fernway Talent Acquisition</p>"
        ),
    )


def invitations(c: Corpus) -> None:
    cal = ics(
        method="REQUEST",
        uid="qs-screen-7f3a@google.example",
        start="20261027T110000",
        end="20261027T113000",
        summary="Quillstone <> Sam Rivera: recruiter phone screen",
        organizer=DANA,
        attendees=[DANA, ME],
        location="Phone: +1 212 555 0147",
        description="Dana will call you at the number on your resume.",
    )
    c.mail(
        "quillstone-invite-ics",
        lab("interview_invite", Q, "recruiter's calendar invitation (REQUEST) for a phone screen"),
        frm=DANA,
        to=ME,
        subject="Invitation: Quillstone <> Sam Rivera: recruiter phone screen @ Tue Oct 27, 2026",
        date="2026-10-23 15:00 -0400",
        text=(
            "Dana Whitfield has invited you to Quillstone <> Sam Rivera: recruiter phone "
            "screen\n\nWhen: Tuesday Oct 27, 2026 11am – 11:30am (Eastern Time - New York)\n"
            "Where: Phone: +1 212 555 0147\n\nJoining info: Dana will call you.\n\n"
            "Going? Yes - Maybe - No\n\nInvitation from Google Calendar\n"
        ),
        calendar=cal,
    )
    cal = ics(
        method="REQUEST",
        uid="harbor-onsite-2026-11-25@hire.lever.example",
        start="20261125T150000",
        end="20261125T170000",
        summary="Onsite: Harbor & Pine BI Developer (panel)",
        organizer=LENA,
        attendees=[
            LENA,
            ME,
            "Grace Kim <grace.kim@harborpine.example>",
            "Luis Ortega <luis.ortega@harborpine.example>",
        ],
        location="Harbor & Pine, 200 Water St, New York, NY",
        sequence=0,
        prodid="-//Lever//Interview Scheduler//EN",
    )
    c.mail(
        "harbor-onsite-ics",
        lab("next_round", H, "onsite panel invitation with interviewers as attendees"),
        frm=LENA,
        to=ME,
        subject="Onsite interview - Wednesday Nov 25",
        date="2026-11-18 12:10 -0500",
        text=(
            "Hi Sam,\n\nGreat news - attached is the invite for your onsite on Wednesday, "
            "November 25 from 3 to 5 pm. You'll meet Grace Kim (Head of BI) and Luis Ortega "
            "(Data Engineering). Please bring a photo ID for the front desk.\n\nLet me know if "
            "anything comes up.\n\nLena\n"
        ),
        calendar=cal,
    )
    cal = ics(
        method="REQUEST",
        uid="northwind-panel-4411@northwind.example",
        start="20261117T150000",
        end="20261117T160000",
        tzid="Europe/London",
        summary="Northwind Analytics - Senior Data Analyst panel (video)",
        organizer=RAVI,
        attendees=[RAVI, ME, "Hannah Cole <hannah.cole@northwind.example>"],
        location="https://meet.northwind.example/ravi",
        prodid="-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
    )
    c.mail(
        "northwind-panel-ics-london",
        lab("next_round", N, "invitation in Europe/London time from the hiring manager"),
        frm=RAVI,
        to=ME,
        subject="Northwind - panel interview invitation",
        date="2026-11-10 09:05 +0000",
        text=(
            "Hello Sam,\n\nI'd like to invite you to a panel interview with Hannah and me. I'm "
            "in London this month, so the invite is in UK time (3pm GMT, 10am your time).\n\n"
            "Best,\nRavi\n"
        ),
        calendar=cal,
        calendar_as="attachment",
    )
    cal = ics(
        method="REQUEST",
        uid="ashby-9c1e2b@ashbyhq.example",
        start="20261112T170000Z",
        end="20261112T210000Z",
        tzid=None,
        summary="Bluefin Health - Product Analyst onsite",
        organizer="Bluefin Health Recruiting <recruiting@bluefin.example>",
        attendees=[ME, MARCUS],
        location="Bluefin Health HQ, 55 Hudson Yards, New York",
        prodid="-//Ashby//Scheduling//EN",
    )
    c.mail(
        "ashby-onsite-ics-utc",
        lab("next_round", B, "Ashby scheduling with an ICS in UTC"),
        frm="Bluefin Health <no-reply@ashbyhq.example>",
        to=ME,
        subject="Interview confirmed: Bluefin Health Product Analyst onsite",
        date="2026-11-05 13:00 +0000",
        html=(
            "<p>Hi Sam,</p><p>Your onsite interview for <b>Product Analyst</b> is confirmed for "
            "Thursday, November 12, 12:00 PM - 4:00 PM EST.</p><p>Location: Bluefin Health HQ, "
            "55 Hudson Yards.</p><p>The calendar invitation is attached.</p><p>Bluefin Health "
            "Recruiting</p>"
        ),
        calendar=cal,
    )
    c.mail(
        "tidewater-invite-no-ics",
        lab("interview_invite", T, "recruiter asks for availability, no calendar part"),
        frm="Ben Asante <ben.asante@tidewater.example>",
        to=ME,
        subject="Tidewater Labs - Data Scientist: first conversation",
        date="2026-11-24 10:15 -0500",
        text=(
            "Hi Sam,\n\nI'm a recruiter at Tidewater Labs. I came across your application for "
            "our Data Scientist opening and I'd love to schedule a 30-minute phone call to "
            "learn more about you.\n\nCould you send me a few times that work for you next "
            "week? Alternatively you can book a slot directly here: "
            "https://calendly.example/ben-asante/30min\n\nThanks,\nBen Asante\nTalent "
            "Acquisition, Tidewater Labs\n"
        ),
    )
    c.mail(
        "avra-smartrecruiters-schedule",
        lab("interview_invite", AV, "SmartRecruiters 'schedule your interview' link"),
        frm="Avra Systems <noreply@smartrecruiters.example>",
        to=ME,
        subject="Avra Systems: please choose a time for your interview",
        date="2026-11-16 09:00 -0500",
        text=(
            "Dear Sam,\n\nWe are pleased to invite you to a video interview for the Analytics "
            "Lead position at Avra Systems.\n\nPlease select a time that suits you using the "
            "link below:\nhttps://www.smartrecruiters.example/schedule/abc123\n\nThe interview "
            "will take about 45 minutes on Microsoft Teams.\n\nKind regards,\nAvra Systems "
            "Recruiting Team\n"
        ),
    )
    c.mail(
        "cobalt-phone-screen-request",
        lab("interview_invite", C, "person at the bank's domain asks for a phone screen"),
        frm="Irene Walsh <irene.walsh@cobaltridge.example>",
        to=ME,
        subject="Risk Analyst - phone screen",
        date="2026-11-17 14:30 -0500",
        text=(
            "Good afternoon Sam,\n\nThank you for applying to Cobalt Ridge Bank. I would like to "
            "set up a brief phone screen to discuss the Risk Analyst role. Are you available "
            "Thursday or Friday between 10 and 2?\n\nRegards,\nIrene Walsh\nSenior Recruiter, "
            "Cobalt Ridge Bank\n"
        ),
    )
    cal = ics(
        method="REQUEST",
        uid="kestrel-video-20261110@kestrel.example",
        start="20261110T130000",
        end="20261110T134500",
        tzid="America/Chicago",
        summary="Video call: Kestrel Marketing Analyst (Mia Santos)",
        organizer="Mia Santos <mia@kestrel.example>",
        attendees=["Mia Santos <mia@kestrel.example>", ME],
        location="https://zoom.example/j/5550101",
    )
    c.mail(
        "kestrel-zoom-ics-chicago",
        lab("interview_invite", K, "invite from a Kestrel address not yet in contacts; Chicago"),
        frm="Mia Santos <mia@kestrel.example>",
        to=ME,
        subject="Invitation: Video call: Kestrel Marketing Analyst (Mia Santos)",
        date="2026-11-06 11:00 -0600",
        text=(
            "Hi Sam, as discussed on LinkedIn here is the invite for our video call. Looking "
            "forward to it! - Mia\n"
        ),
        calendar=cal,
    )
    cal = ics(
        method="REQUEST",
        uid="fernway-al-hm-118@fernway.example",
        start="20261119T100000",
        end="20261119T110000",
        summary="Fernway Analytics Lead - hiring manager interview",
        organizer=TOM,
        attendees=[TOM, ME, "Amara Osei <amara.osei@fernway.example>"],
        location="Microsoft Teams Meeting",
        prodid="-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
    )
    c.mail(
        "fernway-hm-ics",
        lab("interview_invite", FN, "Fernway invite; the old closed Fernway role must not win"),
        frm=TOM,
        to=ME,
        subject="Interview with Amara Osei - Analytics Lead",
        date="2026-11-12 16:20 -0500",
        html=(
            "<p>Hi Sam,</p><p>Please find attached the invitation for your interview with Amara "
            "Osei, our Director of Analytics, on Thursday 19 November at 10:00.</p>"
            "<p>Best,<br>Tom</p>"
        ),
        calendar=cal,
    )
    cal = ics(
        method="REQUEST",
        uid="harbor-onsite-2026-11-25@hire.lever.example",
        start="20261126T100000",
        end="20261126T120000",
        summary="Onsite: Harbor & Pine BI Developer (panel)",
        organizer=LENA,
        attendees=[
            LENA,
            ME,
            "Grace Kim <grace.kim@harborpine.example>",
            "Luis Ortega <luis.ortega@harborpine.example>",
        ],
        location="Harbor & Pine, 200 Water St, New York, NY",
        sequence=1,
        prodid="-//Lever//Interview Scheduler//EN",
    )
    c.mail(
        "harbor-onsite-moved-ics",
        lab("next_round", H, "same UID, SEQUENCE 1: the onsite moves to Thursday morning"),
        frm=LENA,
        to=ME,
        subject="Updated: Onsite interview - now Thursday Nov 26, 10am",
        date="2026-11-20 09:40 -0500",
        text=(
            "Hi Sam,\n\nGrace had a conflict, so we've moved your onsite to Thursday the 26th "
            "from 10 to 12. The updated invite is attached. Sorry for the shuffle!\n\nLena\n"
        ),
        calendar=cal,
    )
    cal = ics(
        method="CANCEL",
        uid="kestrel-video-20261110@kestrel.example",
        start="20261110T130000",
        end="20261110T134500",
        tzid="America/Chicago",
        summary="Video call: Kestrel Marketing Analyst (Mia Santos)",
        organizer="Mia Santos <mia@kestrel.example>",
        attendees=["Mia Santos <mia@kestrel.example>", ME],
        sequence=1,
    )
    c.mail(
        "kestrel-cancel-ics",
        lab("reply", K, "METHOD:CANCEL for the video call: nothing decided about the job"),
        frm="Mia Santos <mia@kestrel.example>",
        to=ME,
        subject="Canceled event: Video call: Kestrel Marketing Analyst (Mia Santos)",
        date="2026-11-09 08:30 -0600",
        text=(
            "This event has been canceled. Mia Santos: So sorry Sam, the hiring manager is out "
            "sick this week - I'll send a new time soon.\n"
        ),
        calendar=cal,
    )
    cal = ics(
        method="REQUEST",
        uid="qs-weekly-sync-recurring@quillstone.example",
        start="20261201T090000",
        end="20261201T093000",
        summary="Quillstone contractor onboarding sync",
        organizer=OMAR,
        attendees=[OMAR, ME],
        rrule="FREQ=WEEKLY;COUNT=4",
        location="https://meet.quillstone.example/omar",
    )
    c.mail(
        "quillstone-recurring-ics",
        lab(
            "next_round",
            Q,
            "a recurring (RRULE) invitation: the calendar part must be refused with a reason",
        ),
        frm=OMAR,
        to=ME,
        subject="Invitation: Quillstone working sessions (weekly)",
        date="2026-11-25 12:00 -0500",
        text=(
            "Hi Sam, as discussed I'd like to invite you to a series of short working sessions "
            "as the final stage - four Tuesday mornings. Invite attached.\nOmar\n"
        ),
        calendar=cal,
    )
    c.mail(
        "meridian-invite-html-only",
        lab("interview_invite", M, "HTML-only invitation to interview from a Meridian person"),
        frm="Paula Reyes <paula.reyes@meridianretail.example>",
        to=ME,
        subject="Pricing Analyst interview - Meridian Retail",
        date="2026-11-16 15:55 -0500",
        html=(
            "<div dir='ltr'><p>Hi Sam,</p><p>Thanks for your application to Meridian Retail. "
            "We would like to invite you to interview for the <b>Pricing Analyst</b> role with "
            "our pricing team. The interview is a 45 minute video call.</p><p>Would any of "
            "these times work: Mon 23 Nov 2pm, Tue 24 Nov 11am, Wed 25 Nov 4pm (Eastern)?</p>"
            "<p>Best,<br>Paula Reyes<br>Talent Acquisition | Meridian Retail</p></div>"
        ),
    )
    c.mail(
        "northwind-ravi-latin1-invite",
        lab("interview_invite", N, "ISO-8859-1 plain text invitation to a first interview"),
        frm=RAVI,
        to=ME,
        subject="Senior Data Analyst – première étape: first interview",
        date="2026-11-06 10:00 -0500",
        text=(
            "Hi Sam,\n\nPriya passed on your résumé and I enjoyed reading it. I'd like to invite "
            "you to a first interview for the Senior Data Analyst role - 45 minutes over video.\n"
            "Are you free on Tuesday 10 November at 14:00 or Wednesday at 11:00?\n\n"
            "Cordialement,\nRavi Menon\nHead of Analytics, Northwind Analytics\n"
        ),
        charset="iso-8859-1",
        cte="quoted-printable",
    )


def next_rounds(c: Corpus) -> None:
    c.mail(
        "quillstone-omar-final-round",
        lab("next_round", Q, "hiring manager moves Sam to the final round"),
        frm=OMAR,
        to=ME,
        cc=DANA,
        subject="Re: Thank you",
        date="2026-11-23 13:30 -0500",
        in_reply_to="<thanks-omar-1120@fastmail.example>",
        text=(
            "Sam,\n\nThanks for the note - I enjoyed it too. Good news: we'd like to move you "
            "forward to the final round, a 90 minute session with the data platform team. Dana "
            "will coordinate times.\n\nOmar\n\n"
            "On Fri, Nov 20, 2026 at 4:02 PM Sam Rivera wrote:\n"
            "> Hi Omar,\n> Thank you for taking the time to speak with me today about the\n"
            "> Analytics Engineer role. I enjoyed our conversation about dbt testing.\n"
            "> Best, Sam\n"
        ),
    )
    c.mail(
        "harbor-lena-next-stage",
        lab("next_round", H, "recruiter: passed the screen, next stage is a case study"),
        frm=LENA,
        to=ME,
        subject="Next steps - BI Developer",
        date="2026-11-09 11:45 -0500",
        text=(
            "Hi Sam,\n\nThanks for chatting with the team on Friday. I'm happy to let you know "
            "that you've been selected to advance to the next stage: a take-home case study "
            "followed by an onsite panel. I'll send details tomorrow.\n\nBest,\nLena\n"
        ),
    )
    c.mail(
        "fernway-tom-next-round",
        lab("next_round", FN, "Fernway recruiter: moving to the panel round"),
        frm=TOM,
        to=ME,
        subject="Fernway Analytics Lead - panel round",
        date="2026-11-20 17:10 -0500",
        text=(
            "Hi Sam,\n\nAmara really enjoyed your conversation yesterday and would like to move "
            "you on to the panel round with three of her leads. We're looking at the week of "
            "the 30th - I'll send options shortly.\n\nCheers,\nTom\n"
        ),
    )
    c.mail(
        "bluefin-ashby-advance",
        lab("next_round", B, "Ashby template: 'moving forward' with next interview"),
        frm="Bluefin Health <no-reply@ashbyhq.example>",
        to=ME,
        subject="Next steps for Product Analyst at Bluefin Health",
        date="2026-10-30 12:00 +0000",
        text=(
            "Hi Sam,\n\nGreat news! The team would like to move forward to the next step in the "
            "process: an onsite interview loop. Our coordinator will reach out with scheduling "
            "options in the next couple of days.\n\nBluefin Health Recruiting\n"
        ),
    )
    c.mail(
        "northwind-ravi-panel-next",
        lab("next_round", N, "hiring manager after the first interview: you're through"),
        frm=RAVI,
        to=ME,
        subject="Re: Thanks for today",
        date="2026-11-11 18:02 -0500",
        in_reply_to="<ty-ravi-1110@fastmail.example>",
        text=(
            "Sam, thank you. The feedback from Hannah was very positive and we'd like to "
            "progress you to the panel stage. I'll get an invite across.\n\nRavi\n\n"
            "-----Original Message-----\nFrom: Sam Rivera <sam.rivera@fastmail.example>\n"
            "Sent: Tuesday, November 10, 2026 3:10 PM\nTo: Ravi Menon\nSubject: Thanks for "
            "today\n\nHi Ravi, thank you for the conversation today...\n"
        ),
    )
    c.mail(
        "kestrel-mia-linkedin-next",
        lab("next_round", K, "LinkedIn InMail notification: Mia moves Sam on (name match only)"),
        frm="Mia Santos via LinkedIn <messages-noreply@linkedin.example>",
        to=ME,
        subject="Mia Santos sent you a message",
        date="2026-11-18 20:14 +0000",
        html=(
            "<html><body><p><b>Mia Santos</b> &middot; Recruiter at Kestrel</p><p>Hi Sam! The "
            "hiring manager loved your portfolio - we'd like to move you forward to the next "
            "round, a case presentation with the marketing team. Can you do early next "
            "week?</p><p><a href='https://www.linkedin.example/messaging'>Reply</a></p>"
            "<p>You are receiving notification emails. Unsubscribe</p></body></html>"
        ),
        headers={"List-Unsubscribe": "<https://www.linkedin.example/unsub>"},
    )


def offers(c: Corpus) -> None:
    c.mail(
        "quillstone-offer-letter",
        lab("offer", Q, "recruiter sends the offer letter (PDF attached)"),
        frm=DANA,
        to=ME,
        subject="Your offer from Quillstone",
        date="2026-11-27 11:00 -0500",
        text=(
            "Hi Sam,\n\nI'm thrilled to share that the team would like to extend you an offer for "
            "the Analytics Engineer position! Attached is your offer letter with the base "
            "salary, equity and start date. Please review and let me know if you have any "
            "questions - we'd love to have an answer by December 4.\n\nCongratulations!\nDana\n"
        ),
        attachment=("Quillstone_Offer_Letter_Sam_Rivera.pdf", b"%PDF-1.4 offer", "application/pdf"),
    )
    c.mail(
        "harbor-verbal-offer",
        lab("offer", H, "verbal offer confirmed by e-mail; the letter follows"),
        frm=LENA,
        to=ME,
        subject="Following up on our call",
        date="2026-11-30 16:40 -0500",
        text=(
            "Hi Sam,\n\nIt was great speaking with you this afternoon. As discussed, we are "
            "delighted to offer you the BI Developer role at Harbor & Pine. The formal offer "
            "letter will follow from our HR system tomorrow.\n\nWelcome (almost) aboard!\nLena\n"
        ),
    )
    c.mail(
        "bluefin-ashby-offer-html",
        lab("offer", B, "offer letter ready to sign in the ATS, HTML only"),
        frm="Bluefin Health <no-reply@ashbyhq.example>",
        to=ME,
        subject="Your Bluefin Health offer letter is ready",
        date="2026-11-28 14:00 +0000",
        html=(
            "<p>Hi Sam,</p><p>Congratulations! Your offer letter for the Product Analyst "
            "position at Bluefin Health is ready for your review and signature.</p><p><a "
            "href='https://app.ashbyhq.example/offer/xyz'>Review and sign your offer</a></p>"
            "<p>This offer expires on December 7, 2026.</p><p>Bluefin Health Recruiting</p>"
        ),
    )
    c.mail(
        "northwind-offer-quoted",
        lab("offer", N, "offer in a reply with quoted history"),
        frm=RAVI,
        to=ME,
        subject="Re: Panel follow-up",
        date="2026-11-26 09:15 -0500",
        in_reply_to="<checkin-ravi-1124@fastmail.example>",
        text=(
            "Hi Sam,\n\nSorry for the wait. I'm very pleased to tell you we'd like to offer you "
            "the Senior Data Analyst position. HR will send the written offer with compensation "
            "details today.\n\nRavi\n\nOn Tue, Nov 24, 2026 at 10:00 AM Sam Rivera "
            "<sam.rivera@fastmail.example> wrote:\n> Hi Ravi,\n> I hope you're well. I wanted to "
            "check in on the Senior Data Analyst role\n> after last week's panel.\n"
        ),
    )


def replies(c: Corpus) -> None:
    c.mail(
        "dana-reply-still-deciding",
        lab("reply", Q, "recruiter answers a check-in: nothing decided"),
        frm=DANA,
        to=ME,
        subject="Re: Checking in - Analytics Engineer",
        date="2026-11-18 09:12 -0500",
        in_reply_to="<checkin-dana-1117@fastmail.example>",
        text=(
            "Hi Sam,\n\nThanks for checking in! The team is still finishing interviews with a "
            "couple of other candidates this week. I expect to have an update for you by early "
            "next week.\n\nDana\n\n> Hi Dana, I hope your week is going well. I wanted to follow "
            "up on\n> the Analytics Engineer role...\n"
        ),
    )
    c.mail(
        "lena-reply-update-next-week",
        lab("reply", H, "recruiter: 'I'll have an update next week'"),
        frm=LENA,
        to=ME,
        subject="Re: Thank you!",
        date="2026-11-27 08:30 -0500",
        in_reply_to="<ty-lena-1126@fastmail.example>",
        text=(
            "You're welcome Sam, and thanks for coming in. The team is meeting Monday to "
            "discuss; I'll have an update for you next week.\n\nLena\n"
        ),
    )
    c.mail(
        "tom-reply-waiting-feedback",
        lab("reply", FN, "Fernway recruiter: still waiting on feedback"),
        frm=TOM,
        to=ME,
        subject="RE: Following up",
        date="2026-11-24 12:01 -0500",
        in_reply_to="<checkin-tom-1123@fastmail.example>",
        text=(
            "Hi Sam - I'm still waiting on feedback from two of the panelists. Amara is "
            "travelling but I'll chase. Should have something by Friday.\n\nTom\n\n"
            "________________________________\nFrom: Sam Rivera <sam.rivera@fastmail.example>\n"
            "Sent: Monday, November 23, 2026 9:00 AM\nTo: Tom Okafor <tom.okafor@fernway.example>\n"
            "Subject: Following up\n\nHi Tom, I wanted to follow up on the Analytics Lead role.\n"
        ),
    )
    c.mail(
        "ravi-reply-thanks-received",
        lab("reply", N, "hiring manager acknowledges the thank-you"),
        frm=RAVI,
        to=ME,
        subject="Re: Thank you - panel",
        date="2026-11-18 07:55 -0500",
        in_reply_to="<ty-ravi-1117@fastmail.example>",
        text="Thanks Sam, appreciated. We'll be in touch soon.\n\nRavi\n\nSent from my phone\n",
    )
    c.mail(
        "dana-reply-scheduling",
        lab("reply", Q, "recruiter coordinating logistics after the final round was agreed"),
        frm=DANA,
        to=ME,
        subject="Re: Final round times",
        date="2026-11-24 10:40 -0500",
        in_reply_to="<final-times-sam@fastmail.example>",
        text=(
            "Perfect, Thursday morning works for the team too. I'm holding 9:30-11:00 and will "
            "confirm once the panel accepts.\n\nDana\n\nOn Nov 23, 2026, at 8:05 PM, Sam Rivera "
            "wrote:\n> Hi Dana, Thursday or Friday morning would work best for me.\n"
        ),
    )
    c.mail(
        "omar-reply-question",
        lab("reply", Q, "hiring manager asks a follow-up question"),
        frm=OMAR,
        to=ME,
        subject="Quick question about your take-home",
        date="2026-11-09 17:20 -0500",
        text=(
            "Hi Sam,\n\nOne question from the team while we review your take-home: how would "
            "you handle late-arriving facts in the orders model? A couple of sentences is "
            "plenty.\n\nThanks,\nOmar\n"
        ),
    )
    c.mail(
        "marcus-advocate-reply",
        lab("reply", B, "advocate at Bluefin answers Sam's ask"),
        frm=MARCUS,
        to=ME,
        subject="Re: Product Analyst role",
        date="2026-11-19 21:03 -0500",
        in_reply_to="<ask-marcus-1119@fastmail.example>",
        text=(
            "Hey Sam! I asked around - the req is still open and the hiring manager was out "
            "last week, which explains the delay. Nothing has changed on the team. I put in "
            "a good word.\n\nM.\n"
        ),
    )
    c.mail(
        "priya-advocate-reply",
        lab("reply", N, "friend and advocate at Northwind, personal address"),
        frm=PRIYA,
        to=ME,
        subject="Re: quick question",
        date="2026-11-21 11:47 -0500",
        in_reply_to="<ask-priya-1120@fastmail.example>",
        text=(
            "hi!! yes the Senior Data Analyst posting is still up internally, and Ravi's team "
            "did a reorg last month so things are a bit slow. don't read into it :) want to "
            "grab coffee next week?\n\np\n"
        ),
    )
    c.mail(
        "jo-core-reply",
        lab("reply", NONE, "core-network former manager answers Sam's update (no company)"),
        frm=JO,
        to=ME,
        subject="Re: Quick update on the search",
        date="2026-11-22 19:30 -0500",
        in_reply_to="<nu-jo-1121@fastmail.example>",
        text=(
            "Sam, that's great to hear - sounds like the Quillstone loop went really well. "
            "Happy to be a reference whenever you need one. Let's catch up soon.\nJo\n\n"
            "> Hi Jo, a quick update: I had my Quillstone interview on Friday...\n"
        ),
    )
    c.mail(
        "kestrel-mia-linkedin-message",
        lab("reply", K, "LinkedIn message notification from the Kestrel recruiter"),
        frm="Mia Santos via LinkedIn <messages-noreply@linkedin.example>",
        to=ME,
        subject="New message from Mia Santos",
        date="2026-11-12 15:30 +0000",
        html=(
            "<html><body><p><b>Mia Santos</b> &middot; Recruiter at Kestrel</p><p>Thanks Sam! "
            "I'm reviewing your portfolio with the hiring manager this week and will get back "
            "to you with feedback.</p><p><a href='https://www.linkedin.example/messaging'>View "
            "message</a></p><p>Unsubscribe &middot; Help</p></body></html>"
        ),
    )
    c.mail(
        "grace-harbor-new-person",
        lab("reply", H, "a Harbor & Pine interviewer not yet in contacts (domain match)"),
        frm="Grace Kim <grace.kim@harborpine.example>",
        to=ME,
        subject="Dashboard examples",
        date="2026-11-27 10:02 -0500",
        text=(
            "Hi Sam,\n\nGreat meeting you yesterday. As promised, here are the two dashboards I "
            "mentioned - curious what you'd change about them.\n\nGrace\n"
        ),
    )
    c.mail(
        "ben-tidewater-reply-html",
        lab("reply", T, "Tidewater recruiter answers with times confirmed, HTML only"),
        frm="Ben Asante <ben.asante@tidewater.example>",
        to=ME,
        subject="RE: Tidewater Labs - Data Scientist: first conversation",
        date="2026-11-25 09:10 -0500",
        in_reply_to="<avail-reply-ben@fastmail.example>",
        html=(
            "<p>Thanks Sam - got your times. Let me check with the hiring manager and come back "
            "to you today.</p><p>Ben</p><blockquote>Hi Ben, Monday at 10 or Tuesday after 2 "
            "work for me.</blockquote>"
        ),
    )
    c.mail(
        "avail-nina-keep-in-touch",
        lab("reply", AL, "Avail (closed) person writes about a future role"),
        frm="Nina Brooks <nina@avail.example>",
        to=ME,
        subject="Something new at Avail",
        date="2026-11-25 13:13 -0500",
        text=(
            "Hi Sam,\n\nHope you're well! We just opened a Senior Analyst role that made me "
            "think of you. No pressure at all - would you be open to a chat about it?\n\nNina\n"
        ),
    )
    c.mail(
        "irene-cobalt-reply-reschedule",
        lab("reply", C, "recruiter asks to reschedule: 'unfortunately' is not a rejection"),
        frm="Irene Walsh <irene.walsh@cobaltridge.example>",
        to=ME,
        subject="Re: Risk Analyst - phone screen",
        date="2026-11-19 08:05 -0500",
        in_reply_to="<cobalt-avail-sam@fastmail.example>",
        text=(
            "Hi Sam,\n\nUnfortunately something came up on my side for Thursday. Could we move "
            "our call to Monday at 11 instead? Apologies for the change.\n\nIrene\n"
        ),
    )
    c.mail(
        "tom-reply-windows1252",
        lab("reply", FN, "Outlook reply in windows-1252 with smart quotes"),
        frm=TOM,
        to=ME,
        subject="RE: Panel prep",
        date="2026-11-27 14:22 -0500",
        in_reply_to="<panelprep-sam@fastmail.example>",
        text=(
            "Hi Sam – good question. The panel will be mostly about stakeholder management; "
            "there’s no live coding. Amara’s leads will each take ~20 minutes.\n\n"
            "Tom\n\n-----Original Message-----\nFrom: Sam Rivera\nSent: Friday, November 27, "
            "2026 10:01 AM\nTo: Tom Okafor\nSubject: Panel prep\n\nHi Tom, anything I should "
            "prepare for the panel?\n"
        ),
        charset="windows-1252",
        cte="quoted-printable",
    )
    c.mail(
        "paula-meridian-reply",
        lab("reply", M, "Meridian recruiter confirms receipt of times"),
        frm="Paula Reyes <paula.reyes@meridianretail.example>",
        to=ME,
        subject="Re: Pricing Analyst interview - Meridian Retail",
        date="2026-11-17 10:30 -0500",
        in_reply_to="<meridian-times-sam@fastmail.example>",
        text="Thanks Sam! Noted - I'll confirm with the team and send the video link.\nPaula\n",
    )
    c.mail(
        "hannah-northwind-domain",
        lab("reply", N, "a Northwind interviewer, domain match only"),
        frm="Hannah Cole <hannah.cole@northwind.example>",
        to=ME,
        subject="The paper I mentioned",
        date="2026-11-18 12:00 -0500",
        text=(
            "Hi Sam, here's the link to the forecasting paper I mentioned in the panel. Enjoy! "
            "Hannah\n"
        ),
    )


def sent(c: Corpus) -> None:
    def out(verdict_company: tuple[str | None, str | None], note: str):
        return lab("sent", verdict_company, note, direction="out")

    c.mail(
        "sent-thanks-omar",
        out(Q, "thank-you to the hiring manager"),
        frm=ME,
        to=OMAR,
        subject="Thank you",
        date="2026-11-20 16:02 -0500",
        message_id="<thanks-omar-1120@fastmail.example>",
        text=(
            "Hi Omar,\n\nThank you for taking the time to speak with me today about the "
            "Analytics Engineer role. I enjoyed our conversation about dbt testing and how the "
            "team thinks about data contracts.\n\nBest,\nSam\n"
        ),
        sent_kind="thank_you",
    )
    c.mail(
        "sent-thanks-dana",
        out(Q, "thank-you to the recruiter after the phone screen"),
        frm=ME,
        to=DANA,
        subject="Thanks for the call",
        date="2026-10-27 12:10 -0400",
        text=(
            "Hi Dana,\n\nThanks so much for the call this morning - it was great to learn more "
            "about Quillstone and the Analytics Engineer team. I'm excited about the next "
            "steps.\n\nBest,\nSam\n"
        ),
        sent_kind="thank_you",
    )
    c.mail(
        "sent-thanks-lena",
        out(H, "thank-you after the onsite"),
        frm=ME,
        to=LENA,
        cc="Grace Kim <grace.kim@harborpine.example>",
        subject="Thank you!",
        date="2026-11-26 14:45 -0500",
        message_id="<ty-lena-1126@fastmail.example>",
        text=(
            "Hi Lena,\n\nThank you for organising today's onsite, and please pass my thanks to "
            "Grace and Luis. I really appreciated the deep dive into your reporting stack.\n\n"
            "Best regards,\nSam\n"
        ),
        sent_kind="thank_you",
    )
    c.mail(
        "sent-thanks-ravi",
        out(N, "thank-you after the panel"),
        frm=ME,
        to=RAVI,
        subject="Thank you - panel",
        date="2026-11-17 16:30 -0500",
        message_id="<ty-ravi-1117@fastmail.example>",
        text=(
            "Dear Ravi,\n\nThank you for the panel today, and please thank Hannah for me as "
            "well. I enjoyed discussing the forecasting work.\n\nKind regards,\nSam Rivera\n"
        ),
        sent_kind="thank_you",
    )
    c.mail(
        "sent-thanks-tom-from-second-address",
        out(FN, "thank-you from Sam's second address"),
        frm=SAM2,
        to=TOM,
        subject="Thank you for today",
        date="2026-11-19 13:05 -0500",
        text=(
            "Hi Tom,\n\nThanks for setting up today's conversation with Amara. I appreciated "
            "hearing about the analytics roadmap and I'm very interested in the role.\n\n"
            "Sam\n"
        ),
        sent_kind="thank_you",
    )
    c.mail(
        "sent-checkin-dana",
        out(Q, "check-in to the recruiter"),
        frm=ME,
        to=DANA,
        subject="Checking in - Analytics Engineer",
        date="2026-11-17 09:00 -0500",
        message_id="<checkin-dana-1117@fastmail.example>",
        text=(
            "Hi Dana,\n\nI hope your week is going well. I wanted to follow up on the Analytics "
            "Engineer role and see if there's any update on timing. I remain very interested.\n\n"
            "Thanks,\nSam\n"
        ),
        sent_kind="check_in",
    )
    c.mail(
        "sent-checkin-tom",
        out(FN, "check-in to Fernway's recruiter"),
        frm=ME,
        to=TOM,
        subject="Following up",
        date="2026-11-23 09:00 -0500",
        message_id="<checkin-tom-1123@fastmail.example>",
        text=(
            "Hi Tom,\n\nI wanted to follow up on the Analytics Lead role. Is there any news from "
            "the panel? Happy to provide anything else you need.\n\nBest,\nSam\n"
        ),
        sent_kind="check_in",
    )
    c.mail(
        "sent-checkin-ravi",
        out(N, "check-in to the hiring manager"),
        frm=ME,
        to=RAVI,
        subject="Panel follow-up",
        date="2026-11-24 10:00 -0500",
        message_id="<checkin-ravi-1124@fastmail.example>",
        text=(
            "Hi Ravi,\n\nI hope you're well. I wanted to check in on the Senior Data Analyst "
            "role after last week's panel. Please let me know if there's anything else I can "
            "share.\n\nBest,\nSam\n"
        ),
        sent_kind="check_in",
    )
    c.mail(
        "sent-checkin-lena-html",
        out(H, "check-in written in an HTML mailer"),
        frm=ME,
        to=LENA,
        subject="Checking in on the BI Developer role",
        date="2026-11-06 10:30 -0500",
        html=(
            "<div>Hi Lena,</div><div><br></div><div>Just checking in to see whether there is an "
            "update on the BI Developer role since my interview last week. Thanks for keeping me "
            "posted!</div><div><br></div><div>Sam</div>"
        ),
        sent_kind="check_in",
    )
    c.mail(
        "sent-advocate-ask-priya",
        out(N, "asks the advocate whether the job is still posted"),
        frm=ME,
        to=PRIYA,
        subject="quick question",
        date="2026-11-20 20:10 -0500",
        message_id="<ask-priya-1120@fastmail.example>",
        text=(
            "Hi Priya,\n\nHope you're doing well! Quick question: is the Senior Data Analyst role "
            "still posted internally? And have you heard of any changes on Ravi's team? It's "
            "been quiet since the panel.\n\nThanks a ton,\nSam\n"
        ),
        sent_kind="advocate_ask",
    )
    c.mail(
        "sent-advocate-ask-marcus",
        out(B, "asks the advocate at Bluefin"),
        frm=ME,
        to=MARCUS,
        subject="Product Analyst role",
        date="2026-11-19 08:45 -0500",
        message_id="<ask-marcus-1119@fastmail.example>",
        text=(
            "Hi Marcus,\n\nI hope you're well. I interviewed for the Product Analyst role last "
            "week and haven't heard back yet. Do you know if anything has changed internally, or "
            "whether the role is still open?\n\nThanks so much,\nSam\n"
        ),
        sent_kind="advocate_ask",
    )
    c.mail(
        "sent-network-update-jo",
        lab("sent", NONE, "network update to a core contact with no company", "out"),
        frm=ME,
        to=JO,
        subject="Quick update on the search",
        date="2026-11-21 10:00 -0500",
        message_id="<nu-jo-1121@fastmail.example>",
        text=(
            "Hi Jo,\n\nA quick update: I had my Quillstone interview on Friday and it went well "
            "- we spent most of the time on dbt testing and stakeholder demos, which are "
            "exactly the skills you helped me build. I'll keep you posted!\n\nSam\n"
        ),
        sent_kind="network_update",
    )
    c.mail(
        "sent-network-update-priya",
        lab("sent", NONE, "network update to a core friend (about Sam, not the employer)", "out"),
        frm=ME,
        to=PRIYA,
        subject="How the week went",
        date="2026-11-14 11:20 -0500",
        text=(
            "Hi Priya,\n\nWanted to let you know how the week went: I had interviews at "
            "Bluefin and Fernway, and both went well. The skills that came up most were SQL "
            "and experiment design. Thanks again for all the encouragement!\n\nSam\n"
        ),
        sent_kind="network_update",
    )
    c.mail(
        "sent-availability-dana",
        out(Q, "logistics reply: not a thank-you or check-in"),
        frm=ME,
        to=DANA,
        subject="Final round times",
        date="2026-11-23 20:05 -0500",
        message_id="<final-times-sam@fastmail.example>",
        text="Hi Dana,\n\nThursday or Friday morning would work best for me.\n\nSam\n",
        sent_kind="other",
    )
    c.mail(
        "sent-availability-ben",
        out(T, "sends times to a recruiter who is not a contact yet"),
        frm=ME,
        to="Ben Asante <ben.asante@tidewater.example>",
        subject="Re: Tidewater Labs - Data Scientist: first conversation",
        date="2026-11-24 18:30 -0500",
        message_id="<avail-reply-ben@fastmail.example>",
        text=(
            "Hi Ben,\n\nThanks for reaching out! Monday at 10 or Tuesday after 2 work for me.\n\n"
            "Best,\nSam\n"
        ),
        sent_kind="other",
    )
    c.mail(
        "sent-checkin-avail-closed",
        out(AL, "old check-in to Avail before the rejection"),
        frm=ME,
        to="Nina Brooks <nina@avail.example>",
        subject="Data Analyst role",
        date="2026-11-02 09:12 -0500",
        message_id="<avail-thread-1@fastmail.example>",
        text=(
            "Hi Nina, just checking in on the Data Analyst role. Any update on timing?\n"
            "Thanks, Sam\n"
        ),
        sent_kind="check_in",
    )
    c.mail(
        "sent-answer-omar",
        out(Q, "answers the hiring manager's question"),
        frm=ME,
        to=OMAR,
        subject="Re: Quick question about your take-home",
        date="2026-11-09 19:02 -0500",
        text=(
            "Hi Omar,\n\nGreat question. I'd keep the orders model incremental with a lookback "
            "window and a late-arriving flag, and reprocess affected partitions nightly.\n\nSam\n"
            "\nOn Mon, Nov 9, 2026 at 5:20 PM Omar Haddad wrote:\n> how would you handle "
            "late-arriving facts in the orders model?\n"
        ),
        sent_kind="other",
    )
    c.mail(
        "sent-forward-offer-to-jo",
        lab("sent", Q, "Sam forwards the Quillstone offer to a mentor: about Quillstone", "out"),
        frm=ME,
        to=JO,
        subject="Fwd: Your offer from Quillstone",
        date="2026-11-27 12:30 -0500",
        text=(
            "Jo - would love your eyes on this before I answer. Thoughts on the equity part?\n\n"
            "---------- Forwarded message ---------\nFrom: Dana Whitfield "
            "<dana.whitfield@quillstone.example>\nDate: Fri, Nov 27, 2026 at 11:00 AM\nSubject: "
            "Your offer from Quillstone\nTo: Sam Rivera <sam.rivera@fastmail.example>\n\n"
            "Hi Sam,\n\nI'm thrilled to share that the team would like to extend you an offer "
            "for the Analytics Engineer position!\n"
        ),
        sent_kind="other",
    )
    c.mail(
        "sent-accepted-rsvp",
        out(FN, "Sam's calendar RSVP (METHOD:REPLY): not an invitation"),
        frm=ME,
        to=TOM,
        subject="Accepted: Fernway Analytics Lead - hiring manager interview",
        date="2026-11-12 18:00 -0500",
        text="Sam Rivera has accepted this invitation.\n",
        calendar=ics(
            method="REPLY",
            uid="fernway-al-hm-118@fernway.example",
            start="20261119T100000",
            end="20261119T110000",
            summary="Fernway Analytics Lead - hiring manager interview",
            organizer=TOM,
            attendees=[ME],
        ),
        sent_kind="other",
    )
    c.mail(
        "sent-checkin-cobalt-new-address",
        out(C, "check-in to a Cobalt recruiter address by domain only"),
        frm=ME,
        to="Irene Walsh <irene.walsh@cobaltridge.example>",
        subject="Re: Risk Analyst - phone screen",
        date="2026-11-18 09:20 -0500",
        message_id="<cobalt-avail-sam@fastmail.example>",
        text="Hi Irene,\n\nThursday at 11 works well for me. Speak then!\n\nSam\n",
        sent_kind="other",
    )
    c.mail(
        "sent-thanks-mia-linkedin-less",
        out(K, "thank-you to the Kestrel recruiter at her company address"),
        frm=ME,
        to="Mia Santos <mia@kestrel.example>",
        subject="Thank you for your time",
        date="2026-11-20 17:00 -0500",
        text=(
            "Hi Mia,\n\nThank you for the conversation today about the Marketing Analyst role at "
            "Kestrel - I enjoyed hearing about the team's campaign analytics.\n\nBest,\nSam\n"
        ),
        sent_kind="thank_you",
    )
    c.mail(
        "sent-personal-to-mom",
        lab("unrelated", NONE, "Sam writes to family: nothing about a job", "out"),
        frm=ME,
        to="Mom <linda.rivera@aol.example>",
        subject="Thanksgiving",
        date="2026-11-22 21:00 -0500",
        text="Hi Mom, I'll bring the pie on Thursday. Love, Sam\n",
    )
    c.mail(
        "sent-thanks-dana-final",
        out(Q, "thank-you after the final round, reply threading"),
        frm=ME,
        to=DANA,
        cc=OMAR,
        subject="Thank you for today",
        date="2026-11-26 12:15 -0500",
        text=(
            "Hi Dana and Omar,\n\nThank you both for today's final round. I appreciate the time "
            "the platform team spent with me and I'm even more excited about the role.\n\n"
            "Best,\nSam\n"
        ),
        sent_kind="thank_you",
    )


def unrelated(c: Corpus) -> None:
    u = "unrelated"
    c.mail(
        "linkedin-job-alert-fernway",
        lab(u, NONE, "job alert naming Fernway and Quillstone: not about an application"),
        frm="LinkedIn Job Alerts <jobalerts-noreply@linkedin.example>",
        to=ME,
        subject="“analytics engineer”: Fernway - Analytics Engineer and more",
        date="2026-11-15 07:00 +0000",
        html=(
            "<html><body><h3>Your job alert for analytics engineer in New York</h3>"
            "<p><b>Analytics Engineer</b><br>Fernway &middot; New York, NY<br>Actively "
            "recruiting</p><p><b>Senior Analytics Engineer</b><br>Quillstone &middot; Remote"
            "</p><p><b>Data Engineer</b><br>Orbital Foods &middot; Brooklyn, NY</p><p>See all "
            "jobs</p><p>You are receiving Job Alert emails. Unsubscribe</p></body></html>"
        ),
        headers={"List-Unsubscribe": "<https://www.linkedin.example/unsub>"},
    )
    c.mail(
        "indeed-alert",
        lab(u, NONE, "Indeed alert naming Meridian Retail"),
        frm="Indeed <alert@indeed.example>",
        to=ME,
        subject="20+ new Pricing Analyst jobs in New York, NY",
        date="2026-11-18 06:30 -0500",
        text=(
            "Pricing Analyst\nMeridian Retail - New York, NY\n$85,000 - $100,000 a year\n"
            "Easily apply\n\nRevenue Analyst\nBlue Harbor Hotels - Jersey City, NJ\n\n"
            "Pricing Strategy Associate\nFoodLoop - New York, NY\n\nSee more jobs\n\n"
            "You received this email because you created a job alert. Unsubscribe\n"
        ),
        headers={"List-Unsubscribe": "<https://indeed.example/unsub>", "Precedence": "bulk"},
    )
    c.mail(
        "glassdoor-newsletter",
        lab(u, NONE, "Glassdoor newsletter mentioning interviews and offers generically"),
        frm="Glassdoor Community <noreply@glassdoor.example>",
        to=ME,
        subject="How to negotiate your offer (and 5 interview questions to expect)",
        date="2026-11-19 12:00 +0000",
        html=(
            "<h1>Negotiating an offer</h1><p>Got an offer? Congratulations! Here is how to "
            "negotiate your salary without burning bridges.</p><h2>Interview invitations</h2>"
            "<p>When a recruiter invites you to interview, reply within a day...</p><p>Companies "
            "hiring now: Bluefin Health, Orbital Foods, Kestrel.</p><p>Unsubscribe</p>"
        ),
        headers={
            "List-Unsubscribe": "<https://glassdoor.example/u>",
            "List-Id": "<news.glassdoor>",
        },
    )
    c.mail(
        "data-newsletter",
        lab(u, NONE, "a data newsletter mentioning 'Northwind' as a sample database"),
        frm="Data Elixir <hello@dataelixir.example>",
        to=ME,
        subject="Data Elixir - Issue 512",
        date="2026-11-17 08:00 -0500",
        text=(
            "This week: why dbt tests fail silently, a tutorial that rebuilds the classic "
            "Northwind sample database in DuckDB, and a long read on pricing experiments.\n\n"
            "Jobs: Tidewater Labs is hiring data scientists (sponsored).\n\n"
            "Unsubscribe | View in browser\n"
        ),
        headers={"List-Id": "Data Elixir <dataelixir.list>", "List-Unsubscribe": "<mailto:u@x>"},
    )
    c.mail(
        "meridian-mall-marketing",
        lab(u, NONE, "a shopping mall named Meridian: name collision, marketing"),
        frm="Meridian Mall <deals@meridianmall.example>",
        to=ME,
        subject="Black Friday at Meridian: doors open at 6am!",
        date="2026-11-24 10:00 -0500",
        html=(
            "<p>Black Friday is here! Visit Meridian Mall for doorbusters from 200 retailers. "
            "We offer free parking and extended hours.</p><p>Unsubscribe from Meridian "
            "emails</p>"
        ),
        headers={"List-Unsubscribe": "<https://meridianmall.example/u>"},
    )
    c.mail(
        "google-calendar-reminder",
        lab(u, NONE, "calendar reminder for the Quillstone screen: a notification, no invitation"),
        frm="Google Calendar <calendar-notification@google.example>",
        to=ME,
        subject="Notification: Quillstone <> Sam Rivera: recruiter phone screen @ Tue Oct 27, "
        "2026 11am - 11:30am (EDT)",
        date="2026-10-27 10:50 -0400",
        text=(
            "This is a reminder for the following event.\n\nQuillstone <> Sam Rivera: recruiter "
            "phone screen\nWhen: Tuesday Oct 27, 2026 11am – 11:30am Eastern Time - New York\n"
            "Calendar: sam.rivera@fastmail.example\n\nInvitation from Google Calendar\n"
            "You are receiving this email because you have reminders set up.\n"
        ),
    )
    c.mail(
        "google-calendar-updated-digest",
        lab(u, NONE, "Google's 'Updated invitation' digest with no calendar part"),
        frm="Google Calendar <calendar-notification@google.example>",
        to=ME,
        subject="Updated invitation with note: Onsite: Harbor & Pine BI Developer (panel)",
        date="2026-11-20 09:41 -0500",
        html=(
            "<p>This event has been changed.</p><p><b>Onsite: Harbor &amp; Pine BI Developer "
            "(panel)</b></p><p>When: Changed: Thursday Nov 26, 2026 10am – 12pm</p><p>Invitation "
            "from Google Calendar. You are receiving this email at the account "
            "sam.rivera@fastmail.example because you are subscribed to updated invitations.</p>"
        ),
    )
    c.mail(
        "linkedin-profile-views",
        lab(u, NONE, "LinkedIn notification naming a Quillstone contact"),
        frm="LinkedIn <notifications-noreply@linkedin.example>",
        to=ME,
        subject="Dana Whitfield and 4 others viewed your profile",
        date="2026-11-20 14:00 +0000",
        html=(
            "<p>Your profile was viewed by 5 people this week.</p><p>Dana Whitfield, Technical "
            "Recruiter at Quillstone</p><p>Someone at Fernway</p><p>See all views</p>"
            "<p>Unsubscribe</p>"
        ),
        headers={"List-Unsubscribe": "<https://www.linkedin.example/unsub>"},
    )
    c.mail(
        "linkedin-search-appearances",
        lab(u, NONE, "LinkedIn weekly stats"),
        frm="LinkedIn <notifications-noreply@linkedin.example>",
        to=ME,
        subject="You appeared in 23 searches this week",
        date="2026-11-23 13:00 +0000",
        text=(
            "You appeared in 23 searches this week.\nTop companies your searchers work at: "
            "Bluefin Health, Kestrel, Orbital Foods.\nSee who's looking\n\nUnsubscribe\n"
        ),
        headers={"List-Unsubscribe": "<https://www.linkedin.example/unsub>"},
    )
    c.mail(
        "linkedin-recommended-jobs",
        lab(u, NONE, "LinkedIn 'jobs you may be interested in' naming Harbor & Pine"),
        frm="LinkedIn <jobs-listings@linkedin.example>",
        to=ME,
        subject="Harbor & Pine is hiring: Senior BI Developer",
        date="2026-11-21 15:00 +0000",
        html=(
            "<p>Jobs you may be interested in</p><p><b>Senior BI Developer</b> - Harbor &amp; "
            "Pine - New York</p><p>12 applicants &middot; Promoted</p><p><b>BI Engineer</b> - "
            "Orbital Foods</p><p>Unsubscribe</p>"
        ),
        headers={"List-Unsubscribe": "<https://www.linkedin.example/unsub>"},
    )
    c.mail(
        "personal-dinner",
        lab(u, NONE, "a friend about dinner"),
        frm="Alex Chen <alex.chen@gmail.example>",
        to=ME,
        subject="dinner saturday?",
        date="2026-11-19 18:30 -0500",
        text="hey! are you free saturday? thinking the new ramen place at 7. -a\n",
    )
    c.mail(
        "personal-landlord",
        lab(u, NONE, "landlord notice"),
        frm="Greenview Property Management <office@greenview.example>",
        to=ME,
        subject="Heating maintenance on Tuesday",
        date="2026-11-16 09:00 -0500",
        text=(
            "Dear Resident,\n\nPlease note that the boiler will be serviced on Tuesday between "
            "9am and 1pm. Hot water may be unavailable. We apologize for the inconvenience.\n\n"
            "Greenview Property Management\n"
        ),
    )
    c.mail(
        "bank-statement-cobalt-cu",
        lab(u, NONE, "a different 'Cobalt' (a credit union): near-name collision"),
        frm="Cobalt Credit Union <statements@cobaltcu.example>",
        to=ME,
        subject="Your November statement is ready",
        date="2026-11-05 04:00 -0500",
        text=(
            "Your Cobalt Credit Union statement for November is now available in online "
            "banking.\n\nThank you for banking with us.\n"
        ),
    )
    c.mail(
        "avail-word-collision",
        lab(u, NONE, "the word 'avail' in a friend's mail, and 'Avra' in a name"),
        frm="Dev Patel <dev.patel@proton.example>",
        to=ME,
        subject="the printer saga",
        date="2026-11-11 20:40 -0500",
        text=(
            "I tried resetting it three times, to no avail. Avra (my cousin) says it's the "
            "driver. Bringing it to the repair place tomorrow. Systems are hard.\n"
        ),
    )
    c.mail(
        "github-notification",
        lab(u, NONE, "GitHub notification"),
        frm="GitHub <notifications@github.example>",
        to=ME,
        subject="[samrivera/dbt-portfolio] Dependabot alert: jinja2",
        date="2026-11-13 02:10 +0000",
        text=(
            "A new security advisory affects a dependency of samrivera/dbt-portfolio.\n\n"
            "Upgrade jinja2 to 3.1.5 or later.\n\n-- \nYou are receiving this because you are "
            "subscribed to this repository.\n"
        ),
        headers={"List-Id": "samrivera/dbt-portfolio <dbt-portfolio.samrivera.github.example>"},
    )
    c.mail(
        "fastmail-billing",
        lab(u, NONE, "provider billing receipt ('we received your payment')"),
        frm="Fastmail Billing <billing@fastmail.example>",
        to=ME,
        subject="Receipt: we received your payment",
        date="2026-11-01 03:00 +0000",
        text=(
            "Thank you! We received your payment of $5.00 for your Fastmail Standard plan. "
            "Your next renewal is on December 1, 2026.\n"
        ),
    )
    c.mail(
        "meetup-invite-ics",
        lab(u, NONE, "a meetup calendar invitation: an invitation, but to no opportunity"),
        frm="NYC Data Meetup <events@meetup.example>",
        to=ME,
        subject="Invitation: NYC Data Meetup - December talks",
        date="2026-11-25 10:00 -0500",
        text="You're invited to the December talks. Pizza at 6:30!\n",
        calendar=ics(
            method="REQUEST",
            uid="meetup-dec-2026@meetup.example",
            start="20261210T183000",
            end="20261210T203000",
            summary="NYC Data Meetup - December talks",
            organizer="NYC Data Meetup <events@meetup.example>",
            attendees=[ME],
            location="Civic Hall, New York",
        ),
    )
    c.mail(
        "course-marketing-offer",
        lab(u, NONE, "marketing with 'offer' and 'interview' words"),
        frm="SkillUp Academy <news@skillup.example>",
        to=ME,
        subject="Limited offer: 40% off Interview Prep Bootcamp",
        date="2026-11-27 08:00 -0500",
        html=(
            "<p>Black Friday offer! Land your next role with our Interview Prep Bootcamp: mock "
            "interviews, offer negotiation, and resume reviews. We'd like to invite you to a "
            "free webinar. Schedule a call with an advisor.</p><p>Unsubscribe</p>"
        ),
        headers={"List-Unsubscribe": "<https://skillup.example/u>"},
    )
    c.mail(
        "wellfound-alert",
        lab(u, NONE, "startup job board digest"),
        frm="Wellfound <team@wellfound.example>",
        to=ME,
        subject="8 new startup jobs for Analytics Lead",
        date="2026-11-22 09:00 -0500",
        text=(
            "Analytics Lead at Avra Systems (Series B) - New York\nHead of Data at Pipeline "
            "Co\nAnalytics Lead at Lumen Freight\n\nView all | Unsubscribe\n"
        ),
        headers={"List-Unsubscribe": "<https://wellfound.example/u>"},
    )
    c.raw(
        "personal-iso2022jp",
        lab(u, NONE, "personal mail from a friend in ISO-2022-JP"),
        b"""From: Yuki Tanaka <yuki.tanaka@mail.example>
To: Sam Rivera <sam.rivera@fastmail.example>
Subject: =?ISO-2022-JP?B?GyRCJCIkaiQsJEgkJhsoQg==?=
Date: Sun, 15 Nov 2026 22:10:00 +0900
Message-ID: <yuki-20261115@mail.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-2022-JP
Content-Transfer-Encoding: 7bit

\x1b$B@h=5$O$"$j$,$H$&!#$^$?2q$$$^$7$g$&!#\x1b(B
Yuki
""",
    )
    c.raw(
        "personal-koi8r",
        lab(u, NONE, "personal mail in KOI8-R"),
        b"From: Ivan Petrov <ivan@yandex.example>\nTo: sam.rivera@fastmail.example\n"
        b"Subject: =?KOI8-R?B?8NLJ18XU?=\nDate: Mon, 16 Nov 2026 08:00:00 +0300\n"
        b"Message-ID: <ivan-1116@yandex.example>\nMIME-Version: 1.0\n"
        b"Content-Type: text/plain; charset=KOI8-R\nContent-Transfer-Encoding: 8bit\n\n"
        + "Привет, Сэм! Как дела с поиском работы? Иван\n".encode("koi8-r"),
    )
    c.mail(
        "jo-forwards-posting",
        lab(u, NONE, "mentor forwards a posting at a company Sam has not applied to"),
        frm=JO,
        to=ME,
        subject="Fwd: Analytics role at Orbital Foods",
        date="2026-11-16 08:10 -0500",
        text=(
            "Saw this and thought of you!\n\n---------- Forwarded message ---------\nFrom: "
            "Orbital Foods Careers <careers@orbitalfoods.example>\nSubject: Analytics role at "
            "Orbital Foods\n\nWe're hiring an Analytics Manager in Brooklyn...\n"
        ),
    )
    c.mail(
        "zoom-recording-notice",
        lab(u, NONE, "automated Zoom notice, no company"),
        frm="Zoom <no-reply@zoom.example>",
        to=ME,
        subject="Cloud recording - Personal Meeting Room is now available",
        date="2026-11-10 15:00 -0500",
        text="Your cloud recording is now available. Share recording link.\n",
    )
    c.mail(
        "recruiter-spam-agency",
        lab(u, NONE, "staffing agency cold pitch for an unknown client"),
        frm="Kyle Dunn <kyle@toptalentstaffing.example>",
        to=ME,
        subject="Exciting Data Analyst opportunity - 6 month contract",
        date="2026-11-18 11:00 -0500",
        text=(
            "Hi Sam,\n\nI came across your profile and have an exciting 6-month contract Data "
            "Analyst role with a Fortune 500 client in Midtown. Are you available for a quick "
            "call this week to discuss?\n\nKyle Dunn | Top Talent Staffing\n"
        ),
    )
    c.mail(
        "ashby-marketing-webinar",
        lab(u, NONE, "an ATS vendor's own marketing (not a company's hiring mail)"),
        frm="Ashby <marketing@ashbyhq.example>",
        to=ME,
        subject="Webinar: the future of recruiting analytics",
        date="2026-11-12 16:00 +0000",
        html=(
            "<p>Join Ashby's product team for a webinar on recruiting analytics. Register "
            "now.</p><p>Unsubscribe</p>"
        ),
        headers={"List-Unsubscribe": "<https://ashbyhq.example/u>"},
    )
    c.mail(
        "priya-personal-birthday",
        lab(u, NONE, "advocate's purely personal message"),
        frm=PRIYA,
        to=ME,
        subject="party on the 5th!",
        date="2026-11-26 20:00 -0500",
        text=(
            "hey you! I'm doing a small birthday thing on Dec 5 at my place, would love to see "
            "you. bring nothing but yourself ❤️ p\n"
        ),
    )
    c.mail(
        "airline-checkin",
        lab(u, NONE, "airline check-in reminder ('check in now')"),
        frm="SkyWays <noreply@skyways.example>",
        to=ME,
        subject="It's time to check in for your flight to Chicago",
        date="2026-11-25 06:00 -0500",
        text=(
            "Hi Sam, your flight SW 412 to Chicago departs tomorrow at 8:05. Check in now to "
            "choose your seat.\n"
        ),
    )
    c.mail(
        "survey-candidate-experience",
        lab(u, NONE, "survey about the candidate experience from a vendor domain"),
        frm="Candidate Pulse <survey@candidatepulse.example>",
        to=ME,
        subject="How was your interview experience?",
        date="2026-11-28 12:00 -0500",
        text=(
            "You recently interviewed with a company that uses Candidate Pulse. Tell us about "
            "your experience in 2 minutes. Take the survey.\n\nUnsubscribe\n"
        ),
        headers={"List-Unsubscribe": "<https://candidatepulse.example/u>"},
    )


def forwards_and_odd(c: Corpus) -> None:
    c.mail(
        "self-forward-rejection",
        lab("rejected", M, "Sam forwards Meridian's rejection from one own address to the other"),
        frm=SAM2,
        to=ME,
        subject="Fwd: Meridian Retail - Pricing Analyst",
        date="2026-11-23 12:00 -0500",
        text=(
            "\n\n---------- Forwarded message ---------\nFrom: Meridian Retail "
            "<notification@jobvite.example>\nDate: Mon, Nov 23, 2026 at 11:11 AM\nSubject: "
            "Meridian Retail - Pricing Analyst\nTo: <sam@rivera.example>\n\nHi Sam,\n\nThank "
            "you for applying to the Pricing Analyst role at Meridian Retail. While your "
            "background is impressive, we have decided to pursue other applicants for this "
            "role.\n\nMeridian Retail Recruiting\n"
        ),
    )
    c.mail(
        "priya-forwards-internal-req",
        lab("reply", N, "advocate forwards an internal note about the role"),
        frm=PRIYA,
        to=ME,
        subject="Fwd: SDA req update",
        date="2026-11-24 13:00 -0500",
        text=(
            "fyi - good sign I think!\n\n---------- Forwarded message ---------\nFrom: Ravi "
            "Menon <ravi.menon@northwind.example>\nSubject: SDA req update\n\nTeam - we're "
            "close to a decision on the Senior Data Analyst req, finalists are being debriefed "
            "this week.\n"
        ),
    )
    c.mail(
        "dana-html-only-reply",
        lab("reply", Q, "recruiter reply from a mobile client, HTML only with quoted history"),
        frm=DANA,
        to=ME,
        subject="Re: Thanks for the call",
        date="2026-10-27 13:00 -0400",
        in_reply_to="<thanks-dana-1027@fastmail.example>",
        html=(
            "<div>Thanks Sam, it was a pleasure! I'll share my notes with Omar and get back to "
            "you on next steps this week.</div><div><br></div><div>Dana</div><br>"
            "<div class='gmail_quote'>On Tue, Oct 27, 2026 at 12:10 PM Sam Rivera wrote:<br>"
            "<blockquote>Hi Dana, thanks so much for the call this morning... I'm excited "
            "about the next steps.</blockquote></div>"
        ),
    )
    c.mail(
        "lena-quoted-invite-reply",
        lab("reply", H, "Sam's acceptance quoted in Lena's confirmation: the quote is history"),
        frm=LENA,
        to=ME,
        subject="Re: Onsite interview - Wednesday Nov 25",
        date="2026-11-18 15:02 -0500",
        in_reply_to="<sam-onsite-ok@fastmail.example>",
        text=(
            "Great, see you then!\nLena\n\nOn Wed, Nov 18, 2026 at 2:50 PM Sam Rivera wrote:\n"
            "> Thanks Lena, Wednesday 3-5 works.\n>\n> On Wed, Nov 18, 2026 at 12:10 PM Lena "
            "Fischer wrote:\n>> Great news - attached is the invite for your onsite on "
            "Wednesday.\n>> We'd like to invite you to an onsite interview.\n"
        ),
    )
    c.mail(
        "quillstone-ats-from-person-via-greenhouse",
        lab("interview_invite", Q, "Greenhouse scheduling mail sent on the recruiter's behalf"),
        frm="Dana Whitfield <no-reply@us.greenhouse-mail.example>",
        reply_to=DANA,
        to=ME,
        subject="Interview availability for Quillstone",
        date="2026-11-12 10:00 -0500",
        text=(
            "Hi Sam,\n\nWe'd like to schedule your technical interview for the Analytics "
            "Engineer role. Please submit your availability for next week using the link "
            "below:\n\nhttps://app.greenhouse.example/availability/abcd\n\nThanks,\nDana "
            "Whitfield\nQuillstone\n"
        ),
    )
    c.mail(
        "northwind-workday-interview-html",
        lab("interview_invite", N, "Workday scheduling mail, HTML only"),
        frm="Northwind Analytics <northwind@myworkday.example>",
        to=ME,
        subject="Action Required: Schedule your interview",
        date="2026-11-06 12:00 -0500",
        html=(
            "<p>Dear Sam Rivera,</p><p>You have been invited to schedule an interview for "
            "<b>Senior Data Analyst (R-4411)</b>. Please sign in to the Northwind Analytics "
            "Career Site to select an interview time.</p><p>Northwind Analytics Talent "
            "Acquisition</p>"
        ),
    )
    c.mail(
        "tidewater-greenhouse-reject-html-entities",
        lab("rejected", T, "HTML rejection with entities and tracking pixels"),
        frm="Tidewater Labs <no-reply@greenhouse.example>",
        to=ME,
        subject="Tidewater Labs &ndash; Data Scientist",
        date="2026-11-29 10:00 -0500",
        html=(
            "<html><head><style>p{margin:0}</style></head><body><p>Hi Sam,</p><p>We&#39;re "
            "writing to let you know that we&rsquo;ve decided not to move forward with your "
            "application for the Data Scientist role at this time.</p><p>Thanks again for your "
            "interest in Tidewater Labs.</p><img src='https://t.example/p.gif' width='1' "
            "height='1'></body></html>"
        ),
    )
    c.mail(
        "avra-interview-invite-person",
        lab("interview_invite", AV, "Avra hiring manager from the company domain"),
        frm="Jonas Berg <jonas.berg@avra.example>",
        to=ME,
        subject="Analytics Lead conversation",
        date="2026-11-13 11:30 -0500",
        text=(
            "Hi Sam,\n\nI lead the analytics group at Avra Systems and saw your application. "
            "I'd love to invite you for an interview - would Wednesday 18th at 2pm ET work for "
            "a 45-minute video call?\n\nJonas\n"
        ),
    )
    c.mail(
        "bluefin-marcus-personal-lunch",
        lab("reply", B, "advocate offers intel over lunch (about the job)"),
        frm=MARCUS,
        to=ME,
        subject="lunch?",
        date="2026-11-09 12:30 -0500",
        text=(
            "Sam - want to grab lunch Thursday? I can tell you more about how the Product "
            "Analyst team works before your onsite.\nMarcus\n"
        ),
    )
    c.mail(
        "cobalt-offer-false-friend",
        lab("acknowledgement", C, "'offer' in a receipt: 'we offer a range of benefits'"),
        frm="Cobalt Ridge Bank Careers <cobaltridge@taleo.example>",
        to=ME,
        subject="Cobalt Ridge Bank - profile created",
        date="2026-11-10 07:25 -0500",
        text=(
            "Dear Sam Rivera,\n\nThank you for creating a candidate profile with Cobalt Ridge "
            "Bank. Your application for Risk Analyst has been received.\n\nAt Cobalt Ridge we "
            "offer a range of benefits and a hybrid work model.\n\nTalent Acquisition\n"
        ),
    )
    c.mail(
        "harbor-next-round-html-only",
        lab("next_round", H, "Lever template moving Sam to the onsite, HTML only"),
        frm="Harbor & Pine <no-reply@hire.lever.example>",
        to=ME,
        subject="Harbor & Pine: next steps in your BI Developer application",
        date="2026-11-16 13:00 -0500",
        html=(
            "<p>Hi Sam,</p><p>Congratulations - the team reviewed your case study and would "
            "like to invite you to the final onsite round.</p><p>Lena will be in touch with "
            "scheduling details.</p><p>Harbor &amp; Pine Talent</p>"
        ),
    )
    c.mail(
        "kestrel-ack-from-company",
        lab("acknowledgement", K, "Kestrel's own careers mailbox acknowledges"),
        frm="Kestrel Careers <careers@kestrel.example>",
        to=ME,
        subject="We got your application!",
        date="2026-11-05 12:50 -0500",
        text=(
            "Hi Sam,\n\nThanks for applying for Marketing Analyst at Kestrel. This is an "
            "automatic confirmation that we've received your application.\n\nThe Kestrel team\n"
        ),
        headers={"Auto-Submitted": "auto-replied"},
    )
    c.mail(
        "bluefin-recruiter-person-reply",
        lab("reply", B, "Bluefin coordinator (new person) about logistics"),
        frm="Aisha Bello <aisha.bello@bluefin.example>",
        to=ME,
        subject="Parking for your onsite",
        date="2026-11-10 16:00 -0500",
        text=(
            "Hi Sam, just a note that visitor parking is on level P2 - show this email at the "
            "gate. See you Thursday! Aisha, Recruiting Coordinator\n"
        ),
    )
    c.mail(
        "fernway-panel-options",
        lab("next_round", FN, "Fernway panel options, no ics"),
        frm=TOM,
        to=ME,
        subject="Panel round - options",
        date="2026-11-23 10:00 -0500",
        text=(
            "Hi Sam,\n\nHere are options for the panel interview: Monday 30 Nov 1-4pm or "
            "Wednesday 2 Dec 9am-12pm. Let me know which works and I'll send the invite.\n\nTom\n"
        ),
    )
    c.mail(
        "northwind-hr-offer-details",
        lab("offer", N, "HR sends the written offer (domain match, not a contact)"),
        frm="Northwind HR <hr@northwind.example>",
        to=ME,
        subject="Offer of employment - Senior Data Analyst",
        date="2026-11-26 15:00 -0500",
        text=(
            "Dear Sam,\n\nFurther to Ravi's message, please find attached your offer of "
            "employment for the position of Senior Data Analyst, including compensation and "
            "benefits details. Kindly sign and return by December 3.\n\nNorthwind HR\n"
        ),
        attachment=("Offer_Sam_Rivera.pdf", b"%PDF-1.4", "application/pdf"),
    )
    c.mail(
        "quillstone-dana-nudge-html",
        lab("reply", Q, "recruiter nudges about the offer deadline"),
        frm=DANA,
        to=ME,
        subject="Checking in on the offer",
        date="2026-12-01 09:00 -0500",
        html="<p>Hi Sam, just checking in - any questions on the offer I can help with?</p>"
        "<p>Dana</p>",
    )
    c.mail(
        "avra-systems-newsletter",
        lab(u := "unrelated", NONE, "the company's own product newsletter, not hiring"),
        frm="Avra Systems <news@avra.example>",
        to=ME,
        subject="Avra Systems product update: November",
        date="2026-11-20 10:00 -0500",
        html=(
            "<p>New in Avra: faster dashboards and a refreshed API.</p><p>Read our blog.</p>"
            "<p>You are receiving this because you signed up at avra.example. Unsubscribe</p>"
        ),
        headers={"List-Unsubscribe": "<https://avra.example/u>", "Precedence": "bulk"},
    )
    del u


def variants(c: Corpus) -> None:
    """Second round, written after the first measurements on this set: other phrasings and the
    traps a real inbox has (a shop sharing a company's domain, an ATS without the company in
    its name, a LinkedIn message naming only the person)."""
    c.mail(
        "greenhouse-reject-move-ahead",
        lab("rejected", Q, "Greenhouse rejection: 'move ahead with other candidates'"),
        frm="Quillstone <no-reply@us.greenhouse-mail.example>",
        to=ME,
        subject="Update from Quillstone",
        date="2026-11-30 12:00 -0500",
        text=(
            "Hi Sam,\n\nThank you for your time and interest in Quillstone. We've decided to move "
            "ahead with other candidates for the Analytics Engineer role.\n\nBest of luck,\n"
            "Quillstone Recruiting\n"
        ),
    )
    c.mail(
        "lever-reject-wont-be-moving",
        lab("rejected", H, "Lever: 'we won't be moving forward with your application'"),
        frm="Harbor & Pine Talent <no-reply@hire.lever.example>",
        to=ME,
        subject="Your BI Developer application",
        date="2026-11-29 10:00 -0500",
        html=(
            "<p>Hi Sam,</p><p>Unfortunately, we won't be moving forward with your application at "
            "this time. We appreciate your interest in Harbor &amp; Pine.</p>"
        ),
    )
    c.mail(
        "workday-status-not-selected",
        lab("rejected", N, "Workday tenant sender, company only in the sender's address"),
        frm="Careers <northwind@myworkday.example>",
        to=ME,
        subject="Your application status has been updated",
        date="2026-11-27 08:00 -0500",
        text=(
            "Dear Sam,\n\nThe status of your application for Senior Data Analyst (R-4411) has "
            "changed. After review, you were not selected for this position.\n\nTalent "
            "Acquisition\n"
        ),
    )
    c.mail(
        "taleo-not-progressing",
        lab("rejected", C, "Taleo: 'will not be progressing your application further'"),
        frm="Cobalt Ridge Bank <noreply@taleo.example>",
        to=ME,
        subject="Risk Analyst - Cobalt Ridge Bank",
        date="2026-11-28 07:00 -0500",
        text=(
            "Dear Sam Rivera,\n\nThank you for applying. We will not be progressing your "
            "application further at this stage.\n\nCobalt Ridge Bank\n"
        ),
    )
    c.mail(
        "linkedin-inmail-name-only",
        lab("reply", K, "LinkedIn message notification naming only the recruiter"),
        frm="LinkedIn <inmail-hit-reply@linkedin.example>",
        to=ME,
        subject="Mia Santos: quick follow-up",
        date="2026-11-25 16:00 +0000",
        html=(
            "<p>Mia Santos</p><p>Hi Sam, thanks again for the portfolio walkthrough. I'll share "
            "the team's thoughts soon!</p><p>Reply on LinkedIn</p>"
        ),
    )
    c.mail(
        "offer-hr-excited-extend",
        lab("offer", B, "HR from the company's domain: 'excited to extend you an offer'"),
        frm="Bluefin People Team <people@bluefin.example>",
        to=ME,
        subject="Congratulations from Bluefin Health!",
        date="2026-11-30 11:00 -0500",
        text=(
            "Hi Sam,\n\nWe're excited to extend you an offer to join Bluefin Health as a Product "
            "Analyst. Your offer letter is attached.\n\nThe People Team\n"
        ),
    )
    c.mail(
        "next-round-final-come-in",
        lab("next_round", FN, "recruiter: 'we'd love for you to come in for a final round'"),
        frm=TOM,
        to=ME,
        subject="Final round?",
        date="2026-11-26 09:00 -0500",
        text=(
            "Hi Sam,\n\nGreat news - the panel was impressed and we'd love for you to come in for "
            "a final round with our VP. Would the 7th work?\n\nTom\n"
        ),
    )
    c.mail(
        "invite-share-availability",
        lab("interview_invite", M, "recruiter: 'could you share your availability'"),
        frm="Paula Reyes <paula.reyes@meridianretail.example>",
        to=ME,
        subject="Next conversation",
        date="2026-11-18 10:00 -0500",
        text=(
            "Hi Sam,\n\nThe pricing team would like to speak with you. Could you share your "
            "availability for a 45-minute interview next week?\n\nPaula\n"
        ),
    )
    c.mail(
        "goodtime-interview-scheduled",
        lab("interview_invite", Q, "a scheduling tool's confirmation, company named"),
        frm="Quillstone Interviews <interviews@goodtime.example>",
        to=ME,
        subject="Interview confirmed: Quillstone - Analytics Engineer",
        date="2026-11-20 09:00 -0500",
        text=(
            "Hi Sam,\n\nYour interview with Quillstone has been scheduled for Tuesday, November "
            "24 at 1:00 PM EST. Join via the video link in your calendar.\n\nPowered by GoodTime\n"
        ),
    )
    c.mail(
        "lena-thanks-for-following-up",
        lab("reply", H, "recruiter answers a check-in without Re:"),
        frm=LENA,
        to=ME,
        subject="Your check-in",
        date="2026-11-12 14:00 -0500",
        text="Thanks for following up, Sam! The team is still reviewing - more by Friday.\nLena\n",
    )
    c.mail(
        "sent-circling-back",
        lab("sent", C, "check-in by 'circling back'", "out"),
        frm=ME,
        to="Irene Walsh <irene.walsh@cobaltridge.example>",
        subject="Circling back",
        date="2026-11-25 09:00 -0500",
        text="Hi Irene,\n\nJust circling back on the Risk Analyst role. Any news?\n\nSam\n",
        sent_kind="check_in",
    )
    c.mail(
        "sent-wanted-to-thank",
        lab("sent", N, "thank-you: 'I wanted to thank you for meeting with me'", "out"),
        frm=ME,
        to=RAVI,
        subject="Great to meet you",
        date="2026-11-10 18:00 -0500",
        text=(
            "Hi Ravi,\n\nI wanted to thank you for meeting with me today. It was great to hear "
            "about the forecasting roadmap.\n\nBest,\nSam\n"
        ),
        sent_kind="thank_you",
    )
    c.mail(
        "shop-order-same-domain",
        lab("unrelated", NONE, "an order from the shop of the company Sam applied to"),
        frm="Meridian Retail <orders@meridianretail.example>",
        to=ME,
        subject="Your Meridian Retail order #48213 has shipped",
        date="2026-11-21 15:00 -0500",
        text=(
            "Good news! Your order #48213 has shipped. Track your package with tracking number "
            "1Z999.\n\nThanks for shopping with Meridian Retail.\n"
        ),
    )
    c.mail(
        "company-newsletter-unsubscribe-only",
        lab("unrelated", NONE, "a company's product newsletter with only List-Unsubscribe"),
        frm="Quillstone <news@quillstone.example>",
        to=ME,
        subject="What's new in Quillstone: December",
        date="2026-12-01 10:00 -0500",
        html="<p>New connectors and a faster modeler. Read the changelog.</p><p>Unsubscribe</p>",
        headers={"List-Unsubscribe": "<https://quillstone.example/u>"},
    )
    c.mail(
        "linkedin-company-posted-job",
        lab("unrelated", NONE, "LinkedIn: a company posted a job"),
        frm="LinkedIn <jobs-listings@linkedin.example>",
        to=ME,
        subject="Kestrel posted a new job: Senior Marketing Analyst",
        date="2026-11-24 12:00 +0000",
        text="Kestrel posted a new job that matches your preferences. View job. Unsubscribe.\n",
        headers={"List-Unsubscribe": "<https://www.linkedin.example/unsub>"},
    )
    c.mail(
        "indeed-companies-hiring",
        lab("unrelated", NONE, "Indeed: 'Fernway and 3 other companies are hiring'"),
        frm="Indeed <no-reply@indeed.example>",
        to=ME,
        subject="Fernway and 3 other companies are hiring for Analytics Lead",
        date="2026-11-23 06:00 -0500",
        text="Fernway - Analytics Lead - New York\nAvra Systems - Analytics Lead\nSee more jobs\n",
    )
    c.mail(
        "friend-congrats-personal",
        lab("unrelated", NONE, "a friend's message mentioning an interview, not from a contact"),
        frm="Alex Chen <alex.chen@gmail.example>",
        to=ME,
        subject="how did it go??",
        date="2026-11-20 19:00 -0500",
        text="hey! how did the interview go today? drinks friday to celebrate either way\n",
    )


def round_two(c: Corpus) -> None:
    """Third round, written after corpus A was measured (and became tuning data): the kinds A's
    misses taught, in wordings written here — softened and personal rejections, status receipts,
    offers in a portal, invitations with no calendar part (availability, scheduling links),
    and the traps beside them (a receipt that promises news "once the role is filled", an
    "unfortunately" about a time, a friend's dinner invitation)."""
    c.mail(
        "greenhouse-reject-deliberation-html",
        lab("rejected", T, "HTML only: 'after much deliberation ... another candidate'"),
        frm="Tidewater Labs <no-reply@greenhouse-mail.example>",
        to=ME,
        subject="Your application to Tidewater Labs",
        date="2026-11-24 14:00 +0000",
        html=(
            "<div><p>Hi Sam,</p><p>Thank you for the time you put into the Data Scientist "
            "process. After much deliberation, the team has chosen another candidate whose "
            "background is a closer fit for the role.</p><p>We wish you every success.</p>"
            "<p>Tidewater Labs Talent</p></div>"
        ),
    )
    c.mail(
        "recruiter-personal-offered-someone",
        lab("rejected", B, "recruiter's personal note: 'decided to offer the role to someone'"),
        frm="Jess Moreno <jess.moreno@bluefin.example>",
        to=ME,
        subject="Product Analyst - an update",
        date="2026-11-23 17:30 -0500",
        text=(
            "Hi Sam,\n\nI'm sorry to let you know that we've decided to offer the role to "
            "someone with more time in clinical settings. It was close, and the panel liked "
            "your case a lot.\n\nI'd be happy to stay in touch for future openings.\n\nJess\n"
        ),
    )
    c.mail(
        "workday-status-not-selected-html",
        lab("rejected", N, "Workday status change: 'changed to: Not Selected'"),
        frm="Northwind Analytics <northwind@myworkday.example>",
        to=ME,
        subject="Application update: Senior Data Analyst",
        date="2026-11-22 05:00 +0000",
        html=(
            "<table><tr><td>Dear Sam,</td></tr><tr><td>The status of your application for "
            "Senior Data Analyst (R-4411) has been changed to: Not Selected.</td></tr>"
            "<tr><td>Thank you for your interest in Northwind Analytics.</td></tr></table>"
        ),
    )
    c.mail(
        "lever-made-a-hire",
        lab("rejected", H, "Lever: 'we've made a hire for this position'"),
        frm="Harbor & Pine <no-reply@hire.lever.example>",
        to=ME,
        subject="BI Developer at Harbor & Pine",
        date="2026-11-21 09:00 -0500",
        text=(
            "Hi Sam,\n\nWe wanted to let you know that we've made a hire for the BI Developer "
            "position. Thank you for the care you put into your application, and we hope you "
            "will consider Harbor & Pine again.\n\nHarbor & Pine Talent\n"
        ),
    )
    c.mail(
        "manager-not-quite-the-fit",
        lab("rejected", Q, "hiring manager: 'isn't quite the right fit for what we need'"),
        frm=OMAR,
        to=ME,
        subject="Analytics Engineer",
        date="2026-11-20 16:00 -0500",
        text=(
            "Sam,\n\nThank you for the conversations. Your work is impressive, but after the "
            "debrief we agreed your profile isn't quite the right fit for what the team needs "
            "this year. I know that's hard to hear after several rounds.\n\nOmar\n"
        ),
    )
    c.mail(
        "recruiter-went-with-finalist",
        lab("rejected", FN, "soft and long: 'the team went with the other finalist'"),
        frm=TOM,
        to=ME,
        subject="Analytics Lead",
        date="2026-11-19 12:00 -0500",
        text=(
            "Hi Sam,\n\nI hate being the one to write this, and I'd rather have called, but I "
            "know you're travelling. The panel met yesterday and the team went with the other "
            "finalist, mostly because of their years running a team of analysts. Everyone "
            "agreed your case presentation was the clearest of the round.\n\nPlease keep in "
            "touch; I'll think of you first for senior roles next year.\n\nTom\n"
        ),
    )
    c.mail(
        "icims-requisition-no-longer-open",
        lab("rejected", FO, "iCIMS: the 2025 requisition 'is no longer open'"),
        frm="Fernway Careers <careers@icims.example>",
        to=ME,
        subject="Data Analyst (2025) - requisition update",
        date="2026-11-18 03:00 +0000",
        text=(
            "Dear Sam,\n\nThis requisition is no longer open: the Data Analyst position you "
            "applied for in 2025 will not be filled. Your profile remains in our system.\n\n"
            "Fernway Talent Acquisition\n"
        ),
    )
    c.mail(
        "non-native-decided-for-another",
        lab("rejected", C, "English as a second language: 'we have decided for another candidate'"),
        frm="Brian O'Neill <brian.oneill@cobaltridge.example>",
        to=ME,
        subject="Your application Risk Analyst",
        date="2026-11-17 10:00 +0100",
        text=(
            "Dear Mr Rivera,\n\nwe are sorry to inform you that we have decided for another "
            "candidate for the position of Risk Analyst. We thank you for your interest and "
            "wish you all the best for your future.\n\nKind regards\nBrian O'Neill\n"
        ),
    )
    c.mail(
        "reply-wish-different-news",
        lab("rejected", Q, "a reply in the thread: 'I wish I had different news'"),
        frm=DANA,
        to=ME,
        subject="Re: Thank you - final round",
        date="2026-11-16 18:00 -0500",
        in_reply_to="<ty-dana-final@fastmail.example>",
        text=(
            "Hi Sam,\n\nThank you for this lovely note. I wish I had different news: the team "
            "is going another way for this role. I'm happy to share feedback on a call if that "
            "would help.\n\nDana\n\nOn Mon, Nov 16, 2026 at 9:00 AM Sam Rivera wrote:\n> Hi "
            "Dana, thank you for arranging the final round...\n"
        ),
    )
    c.mail(
        "lever-ack-once-filled",
        lab("acknowledgement", H, "receipt that promises word 'if the position is filled'"),
        frm="Harbor & Pine <no-reply@hire.lever.example>",
        to=ME,
        subject="Thank you for applying to Harbor & Pine",
        date="2026-11-02 11:00 -0500",
        text=(
            "Hi Sam,\n\nThank you for applying for the BI Developer role. We'll be in touch if "
            "your profile fits; if the position is filled before we reach your application, "
            "we'll let you know by e-mail.\n\nHarbor & Pine Talent\n"
        ),
    )
    c.mail(
        "ack-conditional-speak",
        lab("acknowledgement", M, "receipt: 'if we'd like to speak with you, a recruiter will...'"),
        frm="Meridian Retail <notification@jobvite.example>",
        to=ME,
        subject="Meridian Retail: application received",
        date="2026-11-03 08:00 -0500",
        text=(
            "Hi Sam,\n\nThanks for applying for Pricing Analyst at Meridian Retail. If we'd like "
            "to speak with you, a recruiter will reach out within two weeks.\n\nMeridian Retail "
            "Talent Acquisition\n"
        ),
    )
    c.mail(
        "ack-currently-being-reviewed",
        lab("acknowledgement", AV, "status receipt: 'is currently being reviewed'"),
        frm="Avra Systems <noreply@smartrecruiters.example>",
        to=ME,
        subject="An update on your application",
        date="2026-11-04 07:00 +0000",
        text=(
            "Hello Sam,\n\nYour application for Analytics Lead at Avra Systems is currently "
            "being reviewed by the hiring team. There is nothing you need to do right now.\n\n"
            "Avra Systems\n"
        ),
    )
    c.mail(
        "reply-unfortunately-a-time",
        lab("reply", Q, "'unfortunately' about a time, not a decision"),
        frm=DANA,
        to=ME,
        subject="Re: Analytics Engineer - onsite",
        date="2026-11-10 13:00 -0500",
        in_reply_to="<onsite-dana-1109@fastmail.example>",
        text=(
            "Hi Sam,\n\nUnfortunately Omar is out sick this week, so Thursday's session can't "
            "go ahead as planned. I'll come back to you tomorrow with a new date.\n\nDana\n"
        ),
    )
    c.mail(
        "reply-if-not-a-fit",
        lab("reply", H, "recruiter: 'if the role isn't the right fit, no worries'"),
        frm=LENA,
        to=ME,
        subject="Re: BI Developer - questions",
        date="2026-11-05 10:00 -0500",
        in_reply_to="<q-lena-1104@fastmail.example>",
        text=(
            "Hi Sam,\n\nGood questions! The team works mostly in Power BI and dbt. If the role "
            "isn't the right fit after all, no worries at all, just tell me.\n\nLena\n"
        ),
    )
    c.mail(
        "invite-times-that-suit",
        lab("interview_invite", K, "LinkedIn recruiter: 'send me two or three times that suit'"),
        frm="Mia Santos via LinkedIn <inmail-hit-reply@linkedin.example>",
        to=ME,
        subject="Mia Santos sent you a new message",
        date="2026-11-06 15:00 +0000",
        text=(
            "Mia Santos\nRecruiter at Kestrel\n\nHi Sam, thanks for your interest in the "
            "Marketing Analyst role. Could you send me two or three times that suit you next "
            "week for a 30-minute call?\n\nReply: https://www.linkedin.example/messaging/t/9\n"
        ),
    )
    c.mail(
        "invite-goodtime-link",
        lab("interview_invite", N, "a GoodTime link, no calendar part"),
        frm="Northwind Talent Acquisition <recruiting@talent.northwind.example>",
        to=ME,
        subject="Senior Data Analyst: next conversation",
        date="2026-11-07 09:00 -0600",
        html=(
            "<p>Dear Sam,</p><p>Ravi's team would like to speak with you about the Senior Data "
            "Analyst role. Please use the GoodTime link below to schedule your interview at a "
            "time that works for you.</p><p><a href='https://goodtime.example/s/4411'>Schedule"
            "</a></p>"
        ),
    )
    c.mail(
        "invite-fifteen-minutes",
        lab("interview_invite", AV, "'do you have 15 minutes on Thursday'"),
        frm="Kate Lindqvist <kate.lindqvist@avra.example>",
        to=ME,
        subject="Analytics Lead at Avra",
        date="2026-11-08 11:00 +0100",
        text=(
            "Hi Sam,\n\nI've read your application for Analytics Lead. Do you have 15 minutes "
            "on Thursday for an intro call? I'm in Stockholm, so mornings your time are "
            "easiest.\n\nKate\n"
        ),
    )
    c.mail(
        "forwarded-open-to-a-chat",
        lab("interview_invite", N, "a friend forwards a recruiter's 'are you open to a chat'"),
        frm=PRIYA,
        to=ME,
        subject="Fwd: Senior Data Analyst - Sam?",
        date="2026-11-09 20:00 -0500",
        text=(
            "see below!! Alisha asked me to pass this on\n\n---------- Forwarded message "
            "---------\nFrom: Alisha Grant <alisha.grant@northwind.example>\nDate: Mon, Nov 9, "
            "2026 at 4:10 PM\nSubject: Senior Data Analyst - Sam?\nTo: Priya Raman "
            "<priya.raman@gmail.example>\n\nHi Priya, thanks for the referral. Would Sam be "
            "open to a chat with Ravi this week? Is he available Wednesday or Thursday?\n\n"
            "Alisha\n"
        ),
    )
    c.mail(
        "invite-availability-look-like",
        lab("interview_invite", T, "'what does your availability look like'"),
        frm="Nadia Petrov <nadia.petrov@tidewater.example>",
        to=ME,
        subject="Data Scientist - technical conversation",
        date="2026-11-10 08:00 -0800",
        text=(
            "Hi Sam,\n\nThanks for the take-home, it was a pleasure to read. What does your "
            "availability look like next Tuesday or Wednesday for an hour with me and one of "
            "the engineers?\n\nNadia\n"
        ),
    )
    c.mail(
        "offer-ready-in-portal",
        lab("offer", M, "ATS: 'your offer is ready to view in the candidate portal'"),
        frm="Meridian Retail <notification@jobvite.example>",
        to=ME,
        subject="Action needed: Pricing Analyst",
        date="2026-11-25 09:00 -0500",
        text=(
            "Hi Sam,\n\nYour offer is ready to view in the candidate portal. Please accept or "
            "decline by Friday, December 4.\n\nMeridian Retail Talent Acquisition\n"
        ),
    )
    c.mail(
        "reject-offer-went-to-another",
        lab("rejected", K, "'the offer was extended to another candidate' is a rejection"),
        frm="Mia Santos via LinkedIn <inmail-hit-reply@linkedin.example>",
        to=ME,
        subject="Mia Santos sent you a new message",
        date="2026-11-26 15:00 +0000",
        text=(
            "Mia Santos\nRecruiter at Kestrel\n\nHi Sam, a quick note: the offer for the "
            "Marketing Analyst role was extended to another candidate, who has accepted. Thank "
            "you for your patience with the process.\n\nReply: https://www.linkedin.example/m/9\n"
        ),
    )
    c.mail(
        "sent-ask-referral-marcus",
        lab("sent", B, "asks an advocate: 'would you be open to referring me'", "out"),
        frm=ME,
        to=MARCUS,
        subject="Bluefin question",
        date="2026-11-01 19:00 -0500",
        text=(
            "Hi Marcus,\n\nThe Product Analyst role at Bluefin is still up. Would you be open to "
            "referring me? I can send you a short blurb.\n\nSam\n"
        ),
        sent_kind="advocate_ask",
    )
    c.mail(
        "sent-news-offer-jo",
        lab("sent", NONE, "tells core network: 'I got an offer'", "out"),
        frm=ME,
        to=JO,
        subject="news",
        date="2026-11-27 20:00 -0500",
        text=(
            "Jo! I got an offer from Quillstone today. Still digesting it. Can I call you this "
            "weekend to think it through?\n\nSam\n"
        ),
        sent_kind="network_update",
    )
    c.mail(
        "sent-thanks-for-the-intro",
        lab("sent", N, "thanks an advocate for the intro", "out"),
        frm=ME,
        to=PRIYA,
        subject="thank you!",
        date="2026-11-10 21:00 -0500",
        text=(
            "Priya, thanks so much for the intro to Alisha. I have a call with Ravi on "
            "Wednesday about the Senior Data Analyst role.\n\nS\n"
        ),
        sent_kind="thank_you",
    )
    c.mail(
        "newsletter-no-list-headers",
        lab("unrelated", NONE, "a newsletter naming a company, no list headers"),
        frm="Data Jobs Weekly <editor@datajobsweekly.example>",
        to=ME,
        subject="This week: Quillstone's metrics team, salary bands",
        date="2026-11-14 07:00 -0500",
        text=(
            "Data Jobs Weekly\n\nThis week's issue: how Quillstone's analytics team runs its "
            "metric reviews, and what salary bands look like in 2026.\n\nYou are receiving this "
            "because you subscribed to Data Jobs Weekly. Unsubscribe from these emails.\n"
        ),
    )
    c.mail(
        "meetup-hosted-by-tidewater",
        lab("unrelated", NONE, "a meetup a world company hosts"),
        frm="Ocean Data Meetup <hello@oceandata.example>",
        to=ME,
        subject="December meetup at Tidewater Labs",
        date="2026-11-15 12:00 -0500",
        text=(
            "Hi all,\n\nOur December meetup is hosted by Tidewater Labs: two talks on sensor "
            "data and a panel on hiring in ocean tech. Save your spot on the event page.\n\n"
            "The organisers\n"
        ),
    )
    c.mail(
        "ats-talent-community",
        lab("unrelated", NONE, "an ATS's talent-community mailing for a world company"),
        frm="Quillstone Careers <no-reply@greenhouse-mail.example>",
        to=ME,
        subject="Inside Quillstone: November",
        date="2026-11-16 10:00 -0500",
        text=(
            "Hi Sam,\n\nThanks for being part of the Quillstone talent community. This month: "
            "our new Lisbon office and a day with the data platform team.\n\nBrowse open roles "
            "at jobs.quillstone.example\n"
        ),
    )
    c.mail(
        "friend-board-games-invitation",
        lab("unrelated", NONE, "an advocate's personal calendar invitation"),
        frm=PRIYA,
        to=ME,
        subject="Invitation: board games at mine @ Fri Nov 27, 2026 7pm - 11pm (EST)",
        date="2026-11-18 12:00 -0500",
        text="Priya Raman has invited you to an event.\n\nBoard games at mine\n",
        calendar=ics(
            method="REQUEST",
            uid="boardgames-1127@gmail.example",
            start="20261127T190000",
            end="20261127T230000",
            summary="Board games at mine",
            organizer=PRIYA,
            attendees=[ME],
            location="Priya's flat",
        ),
    )
    c.mail(
        "sent-personal-to-advocate",
        lab("unrelated", NONE, "Sam writes to a friend about nothing job-related", "out"),
        frm=ME,
        to=PRIYA,
        subject="movie friday?",
        date="2026-11-19 18:00 -0500",
        text="Want to see the new Miyazaki on Friday? I'll get tickets.\n\nS\n",
    )
    c.mail(
        "reply-french-outlook-quote",
        lab("reply", H, "a short reply above a French Outlook quote of an invitation"),
        frm=LENA,
        to=ME,
        subject="RE: BI Developer - case study",
        date="2026-11-11 09:30 +0100",
        in_reply_to="<case-sam-1110@fastmail.example>",
        text=(
            "Merci Sam, noted, and thanks for the slides.\n\nLena\n\n"
            "De : Sam Rivera <sam.rivera@fastmail.example>\nEnvoyé : mardi 10 novembre 2026 "
            "18:00\nÀ : Lena Fischer <lena.fischer@harborpine.example>\nObjet : BI Developer - "
            "case study\n\nHi Lena, attached are my slides. We would like to invite you... no, "
            "that was your line! See you Tuesday.\n"
        ),
    )


def main() -> int:
    corpus = Corpus(HERE / "tuning")
    acknowledgements(corpus)
    rejections(corpus)
    invitations(corpus)
    next_rounds(corpus)
    offers(corpus)
    replies(corpus)
    sent(corpus)
    unrelated(corpus)
    forwards_and_odd(corpus)
    variants(corpus)
    round_two(corpus)
    corpus.write()
    print(f"{len(corpus.files)} messages written to {corpus.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

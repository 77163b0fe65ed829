"""The training rules, as plain functions: who sees and runs which training, who may do what
and when (the `ACTIONS` table), registering, the e-mails, checking in, tests and feedback, the
figures, certificates. Views fetch, call one of these and say the result."""

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage, send_mail
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Q, prefetch_related_objects
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.formats import date_format
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inklusi.accounts.models import Role, RoleAssignment, User
from inklusi.accounts.scope import Scope
from inklusi.core.auditing import record_created
from inklusi.libraries.models import Kind, Library
from inklusi.regions.models import CODE_LENGTH, Level, Region

from .ics import training_calendar
from .models import (
    AnswerSheet,
    Attendance,
    AttendanceMethod,
    Certificate,
    Evaluation,
    Registration,
    Session,
    SessionRating,
    TestKind,
    Training,
    ancestors_of,
)

logger = logging.getLogger(__name__)

ORGANISER_KINDS = (Kind.PROVINCE, Kind.REGENCY)


# Who sees and who runs a training ---------------------------------------------------------


def managed_trainings(user):
    """Trainings the user runs: those organised by a library office in their edit scope."""
    return Training.objects.editable_by(Scope.of(user))


def _home_codes(user):
    """The region codes of the user's roles and of the libraries they hold."""
    codes = set()
    for role in user.roles.select_related("library"):
        if role.region_id:
            codes.add(role.region_id)
        if role.library_id:
            codes.add(role.library.region_id)
    return codes


def visible_trainings(user):
    """Trainings organised in the user's area (inside it, or above it: a province event is
    seen by the regencies of the province) and those the user registered for."""
    if not user.is_authenticated:
        return Training.objects.none()
    query = Training.objects.scope_q(Scope.of(user).view)
    above = {code for home in _home_codes(user) for code in ancestors_of(home)}
    if above:
        query |= Q(organiser__region__in=sorted(above))
    query |= Q(registrations__user=user)
    return Training.objects.filter(pk__in=Training.objects.filter(query).values("pk"))


def can_manage(user, training):
    return managed_trainings(user).filter(pk=training.pk).exists()


def registration_of(user, training):
    if not user.is_authenticated:
        return None
    return training.registrations.filter(user=user).select_related("library").first()


def libraries_of(user):
    """The libraries a person may register for: those they manage and the library office of
    each region they coordinate."""
    query = Q(pk__in=user.roles.filter(library__isnull=False).values("library"))
    regions = user.roles.filter(region__isnull=False).values("region")
    query |= Q(region__in=regions, kind__in=ORGANISER_KINDS)
    return Library.objects.filter(query).select_related("region").order_by("name")


def organiser_libraries(user):
    """The library offices the user may organise a training for: provincial and
    regency/city offices they edit. None at all means training pages are not for them."""
    return Library.objects.editable_by(Scope.of(user)).filter(kind__in=ORGANISER_KINDS)


def trainings_open_to(user):
    """Trainings the user could still register for: visible, before their deadline, inviting
    one of the user's libraries, and not registered for yet; the soonest first."""
    libraries = list(libraries_of(user))
    return [
        training
        for training in visible_trainings(user)
        .filter(registration_closes_on__gte=timezone.localdate())
        .exclude(registrations__user=user)
        .prefetch_related("audience_regions")
        .order_by("starts_on")
        if training.registration_open and any(training.invites(library) for library in libraries)
    ]


# Who may do what on a training, and when --------------------------------------------------
#
# Read like the lifecycle table of `plans.services`: each action names who may ever do it
# and what keeps it from happening now. A user whose role never allows the action gets
# PermissionDenied (403); a moment that does not allow it is a ValidationError saying why,
# shown as a message. Pages
# fetch a training through `managed_trainings` / `visible_trainings` / the user's own
# registration first, so someone outside the scope meets a 404 before this table.

ORGANISER = "organiser"  # an editor of the organising library office (or of a region above it)
PARTICIPANT = "participant"  # the registered person themselves
INVITEE = "invitee"  # anyone logged in who holds the invitation link


def _no_place(training, **context):
    """Registration closes at the end of its deadline, or once the quota is taken."""
    if not training.registration_open:
        return _("Registration closed on %(date)s.") % {
            "date": date_format(training.registration_closes_on, "j F Y")
        }
    if training.quota is not None and training.registrations.count() >= training.quota:
        return _("The training is full: all %(quota)s places are taken.") % {
            "quota": training.quota
        }
    return None


def _outside_check_in(training, session, now, **context):
    """A session's code is taken from half an hour before it starts until it ends."""
    if now < session.check_in_opens:
        opens = training.local(session.check_in_opens)
        return (
            _("Check-in for “%(topic)s” opens at %(time)s %(zone)s.")
            % {"topic": session.topic, "time": f"{opens:%H.%M}", "zone": training.zone_abbreviation}
            + " "
            + date_format(opens, "(l, j F Y)")
        )
    if now > session.ends_at:
        return _(
            "This code is for “%(topic)s”, which ended at %(time)s %(zone)s. "
            "Ask the trainer for the code of the current session."
        ) % {
            "topic": session.topic,
            "time": f"{session.local_end:%H.%M}",
            "zone": training.zone_abbreviation,
        }
    return None


def _pre_test_closed(training, now, **context):
    if training.pre_test_open(now):
        return None
    return _("The pre-test closed when the first session ended.")


def _before_follow_up(message):
    """The post-test, the evaluation and the commitment wait for the last session to start
    (`Training.follow_up_open`); `message` says which of them waits."""

    def closed(training, now, **context):
        return None if training.follow_up_open(now) else str(message)

    return closed


def _not_eligible(training, registration, **context):
    if is_eligible(registration):
        return None
    return _("A certificate needs %(percent)s%% attendance%(post)s.") % {
        "percent": training.min_attendance,
        "post": _(" and the post-test") if training.post_test_required else "",
    }


# action: (who may do it, what keeps it from happening now: None if nothing does)
ACTIONS = {
    # the event, its sessions, materials, questions, participants, figures and certificates
    "manage": (ORGANISER, None),
    "register": (INVITEE, _no_place),
    "add_participant": (ORGANISER, _no_place),
    "check_in": (PARTICIPANT, _outside_check_in),
    "pre_test": (PARTICIPANT, _pre_test_closed),
    "post_test": (
        PARTICIPANT,
        _before_follow_up(gettext_lazy("The post-test opens when the last session starts.")),
    ),
    "evaluate": (
        PARTICIPANT,
        _before_follow_up(gettext_lazy("The evaluation opens when the last session starts.")),
    ),
    "commit": (
        PARTICIPANT,
        _before_follow_up(
            gettext_lazy("The action commitment opens when the last session starts.")
        ),
    ),
    "get_certificate": (PARTICIPANT, _not_eligible),
}
TEST_ACTIONS = {TestKind.PRE: "pre_test", TestKind.POST: "post_test"}


def holds(user, training, who, registration=None):
    """Whether the user is `who` for this training (`registration`: the user's own, if any)."""
    if who == ORGANISER:
        return can_manage(user, training)
    if who == PARTICIPANT:
        return (
            registration is not None
            and registration.user_id == user.pk
            and registration.training_id == training.pk
        )
    return user.is_authenticated


def refusal(user, action, training, *, registration=None, session=None, now=None):
    """Why the action cannot happen now (None if it can); PermissionDenied if the user's
    role never allows it. `registration` is the user's own (looked up when not given);
    `session` the one checked in to."""
    who, when = ACTIONS[action]
    if who == PARTICIPANT and registration is None:
        registration = registration_of(user, training)
    if not holds(user, training, who, registration):
        raise PermissionDenied
    if when is None:
        return None
    return when(
        training=training, registration=registration, session=session, now=now or timezone.now()
    )


def check(user, action, training, **context):
    """PermissionDenied if the user's role never allows the action on this training, a
    ValidationError saying why if it is not allowed now."""
    reason = refusal(user, action, training, **context)
    if reason:
        raise ValidationError(reason)


# Registering ------------------------------------------------------------------------------


@transaction.atomic
def register(training, user, library, by=None):
    """Register `user` (from `library`) or raise ValidationError saying why not. `by` is who
    acts: the person themselves (the default) or an organiser adding them."""
    # Lock the training so two last-minute registrations cannot both take the last place.
    training = Training.objects.select_for_update().get(pk=training.pk)
    if training.registrations.filter(user=user).exists():
        raise ValidationError(
            _("%(name)s is already registered for this training.") % {"name": user}
        )
    actor = by or user
    check(actor, "register" if actor == user else "add_participant", training)
    if not training.invites(library):
        raise ValidationError(
            _("This training is for other regions or kinds of library than %(library)s.")
            % {"library": library or _("a person without a library")}
        )
    try:
        with transaction.atomic():
            return Registration.objects.create(
                training=training, user=user, library=library, registered_by=by
            )
    except IntegrityError:  # the same person, registered at the same moment in another tab
        raise ValidationError(
            _("%(name)s is already registered for this training.") % {"name": user}
        ) from None


def audience_managers(training):
    """Active library managers of the invited libraries who have not registered yet (without
    invited regions, the organiser's own area is invited)."""
    assignments = (
        RoleAssignment.objects.filter(
            role=Role.LIBRARY_MANAGER, user__is_active=True, library__isnull=False
        )
        .exclude(user__bimtek_registrations__training=training)
        .select_related("user", "library")
    )
    # Once, for training.invites() below to read instead of querying per assignment.
    prefetch_related_objects([training], "audience_regions")
    regions = [region.code for region in training.audience_regions.all()]
    query = Q(pk__in=[])
    for code in regions or [training.organiser.region_id]:
        query |= Q(library__region__code__inside=code)
    users = {a.user for a in assignments.filter(query) if training.invites(a.library)}
    return sorted(users, key=lambda user: user.email)


def participant_account(email, full_name):
    """The account of the person with this e-mail, made (with no role) if they have none:
    the confirmation e-mail brings a link to set their password. Returns (user, created)."""
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user, False
    # A random password: "forgot password" works for it, unlike an unusable one.
    return User.objects.create_user(email, secrets.token_urlsafe(), full_name=full_name), True


# E-mails ----------------------------------------------------------------------------------
# `absolute_url` makes a path a full link (the request's `build_absolute_uri`): the links in
# an e-mail point at the site the organiser or participant is using. Each e-mail is written in
# its recipient's language.


def invite_link(training, absolute_url):
    """The self-registration link organisers share: it works for anyone who logs in."""
    return absolute_url(reverse("trainings:register", args=[training.invite_token]))


def send_confirmation(registration, absolute_url, new_account=False):
    """E-mail the participant their registration: agenda, meeting link and the calendar file;
    for an account made just now, a link to set its password first. False (and logged) if the
    mail server refused it: the registration stands either way."""
    training, user = registration.training, registration.user
    link = absolute_url(training.get_absolute_url())
    set_password = ""
    if new_account:
        set_password = absolute_url(
            reverse(
                "accounts:password_reset_confirm",
                args=[
                    urlsafe_base64_encode(force_bytes(user.pk)),
                    default_token_generator.make_token(user),
                ],
            )
        )
    context = {
        "registration": registration,
        "training": training,
        "sessions": training.sessions.all(),
        "link": link,
        "set_password": set_password,
    }
    with translation.override(user.language):
        message = EmailMessage(
            _("Registered: %(title)s") % {"title": training.title},
            render_to_string("trainings/confirmation_email.txt", context),
            None,
            [user.email],
        )
    message.attach(
        f"bimtek-{training.pk}.ics",
        training_calendar(training, link, with_meeting=True),
        "text/calendar",
    )
    try:
        message.send()
    except OSError:  # smtplib.SMTPException is an OSError
        logger.exception("Could not send the Bimtek confirmation to %s", user.email)
        return False
    return True


def send_invitations(training, absolute_url):
    """E-mail the invitation link to `audience_managers`. A refused message is logged and
    skipped so the others still go; returns (sent, recipients) for the organiser to see."""
    recipients = audience_managers(training)
    link = invite_link(training, absolute_url)
    sent = 0
    for user in recipients:
        with translation.override(user.language):
            subject = _("Invitation: %(title)s") % {"title": training.title}
            body = render_to_string(
                "trainings/invitation_email.txt",
                {"training": training, "link": link, "user": user},
            )
        try:
            send_mail(subject, body, None, [user.email])
        except OSError:
            logger.exception("Could not send the Bimtek invitation to %s", user.email)
            continue
        sent += 1
    return sent, len(recipients)


# Checking in ------------------------------------------------------------------------------


def normalise_code(text):
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[:20]


def check_in(registration, code, now=None):
    """Check the participant in with a session code. Returns (attendance, created);
    raises ValidationError for a wrong code or outside the session's window."""
    now = now or timezone.now()
    training = registration.training
    session = Session.objects.filter(check_in_code=normalise_code(code)).first()
    if session is None or session.training_id != training.pk:
        raise ValidationError(
            _("This code is not a code of this training. Check the code on the trainer's screen.")
        )
    check(
        registration.user, "check_in", training, registration=registration, session=session, now=now
    )
    return _attend(registration, session, AttendanceMethod.CODE, now)


def _attend(registration, session, method, now, by=None):
    try:
        with transaction.atomic():
            return Attendance.objects.get_or_create(
                registration=registration,
                session=session,
                defaults={
                    "checked_in_at": now,
                    "late": method == AttendanceMethod.CODE and now > session.late_after,
                    "method": method,
                    "marked_by": by,
                },
            )
    except IntegrityError:  # a double tap: the first one counted
        return Attendance.objects.get(registration=registration, session=session), False


@transaction.atomic
def mark_attendance(session, present_ids, by):
    """Set who attended `session` to the registrations in `present_ids` (a trainer's list)."""
    now = timezone.now()
    session.attendances.exclude(registration_id__in=present_ids).delete()
    present = session.training.registrations.filter(pk__in=present_ids).values_list("pk", flat=True)
    attended = set(session.attendances.values_list("registration_id", flat=True))
    marked = Attendance.objects.bulk_create(
        [
            Attendance(
                registration_id=pk,
                session=session,
                checked_in_at=now,
                late=False,
                method=AttendanceMethod.MANUAL,
                marked_by=by,
            )
            for pk in present
            if pk not in attended
        ],
        ignore_conflicts=True,
    )
    # With ignore_conflicts the rows come back without their ids: read them back.
    record_created(
        session.attendances.filter(registration_id__in=[row.registration_id for row in marked])
        .exclude(registration_id__in=attended)
        .select_related("registration__user", "registration__training", "session")
    )


# Tests, evaluation, commitment -------------------------------------------------------------


def score(questions, answers):
    """Percentage of questions answered right (0–100, rounded)."""
    questions = list(questions)
    if not questions:
        return 0
    right = sum(1 for q in questions if answers.get(str(q.pk)) == q.correct)
    return round(100 * right / len(questions))


def submit_test(registration, kind, answers):
    """Save the participant's answer sheet; ValidationError if the test is not open or one
    was already submitted (only the first answers count)."""
    training = registration.training
    check(registration.user, TEST_ACTIONS[kind], training, registration=registration)
    questions = training.questions.all()
    try:
        with transaction.atomic():
            return AnswerSheet.objects.create(
                registration=registration,
                kind=kind,
                answers=answers,
                score=score(questions, answers),
            )
    except IntegrityError:
        raise ValidationError(
            _("You already submitted this test; only your first answers count.")
        ) from None


def submit_evaluation(registration, comments, ratings):
    """Save the participant's evaluation with its `ratings` ((session, content, trainer)
    each). False if they had already sent one: the first one counts."""
    check(registration.user, "evaluate", registration.training, registration=registration)
    with transaction.atomic():
        evaluation, created = Evaluation.objects.get_or_create(
            registration=registration, defaults={"comments": comments}
        )
        if created:
            SessionRating.objects.bulk_create(
                SessionRating(
                    evaluation=evaluation, session=session, content=content, trainer=trainer
                )
                for session, content, trainer in ratings
            )
    return created


def save_commitment(registration, text):
    """What the participant will do in their library after the training (may be rewritten
    while the follow-up is open)."""
    check(registration.user, "commit", registration.training, registration=registration)
    registration.commitment = text
    registration.committed_at = timezone.now()
    registration.save(update_fields=["commitment", "committed_at"])


# Figures ----------------------------------------------------------------------------------


def percent(part, whole):
    return round(100 * part / whole) if whole else None


@dataclass
class ParticipantRow:
    registration: Registration
    regency: str
    attended: int
    late: int
    rate: int | None
    pre: int | None
    post: int | None
    eligible: bool

    @property
    def gain(self):
        return None if self.pre is None or self.post is None else self.post - self.pre

    @property
    def awaits_certificate(self):
        """Met the rule, and no certificate was issued yet."""
        return self.eligible and not hasattr(self.registration, "certificate")


def regency_code(library):
    if library is None:
        return ""
    return library.region_id[: CODE_LENGTH[Level.REGENCY]]


def regency_names(codes):
    return dict(Region.objects.filter(code__in=set(codes)).values_list("code", "name"))


def participant_rows(training, registrations=None):
    """One row of figures per participant, sorted by regency then name."""
    if registrations is None:
        registrations = training.registrations.all()
    registrations = list(
        registrations.select_related("user", "library__region", "certificate").annotate(
            attended=Count("attendances", distinct=True),
            late_count=Count("attendances", filter=Q(attendances__late=True), distinct=True),
        )
    )
    sessions = training.sessions.count()
    sheets = {
        (s.registration_id, s.kind): s.score
        for s in AnswerSheet.objects.filter(registration__training=training)
    }
    names = regency_names(regency_code(r.library) for r in registrations)
    rows = []
    for r in registrations:
        rate = percent(r.attended, sessions)
        post = sheets.get((r.pk, "post"))
        rows.append(
            ParticipantRow(
                registration=r,
                regency=names.get(regency_code(r.library), ""),
                attended=r.attended,
                late=r.late_count,
                rate=rate,
                pre=sheets.get((r.pk, "pre")),
                post=post,
                eligible=_eligible(training, rate, post),
            )
        )
    rows.sort(key=lambda row: (row.regency or "~", row.registration.user.full_name.lower()))
    return rows


def _eligible(training, rate, post):
    return (
        rate is not None
        and rate >= training.min_attendance
        and (post is not None or not training.post_test_required)
    )


def is_eligible(registration):
    training = registration.training
    attended = registration.attendances.count()
    post = registration.answer_sheets.filter(kind="post").first()
    return _eligible(training, percent(attended, training.sessions.count()), post and post.score)


def session_rows(training):
    """Per session: how many attended, of them late, the rate, and the average ratings."""
    registered = training.registrations.count()
    sessions = training.sessions.annotate(
        present=Count("attendances", distinct=True),
        late=Count("attendances", filter=Q(attendances__late=True), distinct=True),
    )
    ratings = {
        row["session"]: row
        for row in SessionRating.objects.filter(session__training=training)
        .values("session")
        .annotate(content=Avg("content"), trainer=Avg("trainer"), n=Count("pk"))
        .order_by()
    }
    return [
        {
            "session": s,
            "present": s.present,
            "late": s.late,
            "rate": percent(s.present, registered),
            "ratings": ratings.get(s.pk),
        }
        for s in sessions
    ]


def regency_rows(rows, sessions):
    """Attendance per regency: attended session-places over registered × sessions."""
    groups = {}
    for row in rows:
        group = groups.setdefault(row.regency, {"regency": row.regency, "people": 0, "att": 0})
        group["people"] += 1
        group["att"] += row.attended
    for group in groups.values():
        group["rate"] = percent(group["att"], group["people"] * sessions)
    return sorted(groups.values(), key=lambda g: g["regency"] or "~")


def test_summary(rows):
    """Average pre and post score and gain, over participants who took both tests."""
    both = [row for row in rows if row.gain is not None]
    if not both:
        return None
    count = len(both)
    pre = sum(row.pre for row in both) / count
    post = sum(row.post for row in both) / count
    return {"count": count, "pre": round(pre), "post": round(post), "gain": round(post - pre)}


# Certificates -----------------------------------------------------------------------------


def issue_certificate(registration):
    """The participant's certificate, issued now if they are eligible; None if not. Once
    issued it stays, even if an attendance is removed later."""
    existing = Certificate.objects.filter(registration=registration).first()
    if existing or not is_eligible(registration):
        return existing
    try:
        with transaction.atomic():
            return Certificate.objects.create(registration=registration)
    except IntegrityError:
        return Certificate.objects.get(registration=registration)


def issue_certificates(training, user):
    """An organiser issues the certificates of everyone who met the rule and has none yet, in
    one query; returns how many were issued."""
    check(user, "manage", training)
    # Each new certificate gets its number from the field's default, made in Python.
    new = [
        Certificate(registration=row.registration)
        for row in participant_rows(training)
        if row.awaits_certificate
    ]
    Certificate.objects.bulk_create(new, ignore_conflicts=True)
    record_created(
        Certificate.objects.filter(number__in=[c.number for c in new]).select_related(
            "registration__user", "registration__training"
        )
    )
    return len(new)


# The home page ----------------------------------------------------------------------------


def home_trainings(user):
    """For the home page: the user's registrations for trainings not over yet, and the
    sessions of those trainings held today (in each training's time zone)."""
    today = timezone.localdate()
    registrations = list(
        Registration.objects.filter(user=user, training__ends_on__gte=today - timedelta(days=1))
        .select_related("training")
        .prefetch_related("training__sessions")
        .order_by("training__starts_on")
    )
    sessions = [
        session
        for r in registrations
        for session in r.training.sessions.all()
        if session.day == r.training.today()
    ]
    return {"registrations": registrations, "sessions_today": sessions}

"""Push subscriptions, reminder preferences, and the due reminders the dispatcher claims."""

from piccolo.columns import (
    UUID,
    Boolean,
    Date,
    Integer,
    Serial,
    SmallInt,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from steady.accounts.tables import owner
from steady.clock import StampNow
from steady.reminders.defaults import AFTER_SHIFT_MINUTES, DAILY_CAP, QUIET_END, QUIET_START


class PushSubscription(Table, tablename="push_subscription"):
    """One device that can receive pushes (a browser's PushSubscription)."""

    id = Serial(primary_key=True)
    account = owner()
    endpoint = Varchar(length=2048, unique=True)
    p256dh = Varchar(length=200)
    auth = Varchar(length=64)
    label = Varchar(length=120, default="")
    created_at = Timestamptz(default=StampNow())


class ReminderPrefs(Table, tablename="reminder_prefs"):
    """What a person wants reminding of, and when never to be disturbed."""

    id = Serial(primary_key=True)
    account = owner(unique=True)
    quiet_start = Varchar(length=5, default=QUIET_START)
    quiet_end = Varchar(length=5, default=QUIET_END)
    daily_cap = SmallInt(default=DAILY_CAP)
    show_details = Boolean(default=False)
    checkin_time = Varchar(length=5, null=True, default=None)
    decompress_minutes = SmallInt(null=True, default=None)
    after_shift_minutes = SmallInt(default=AFTER_SHIFT_MINUTES)
    followups = Boolean(default=False)
    schedule = Text(default="")  # a ShiftPattern as JSON, or ""


class Reminder(Table, tablename="reminder"):
    """The next time one reminder is due. Recurring ones move on after each send; one-offs
    (follow-ups, snoozes, after a tapped shift) are deleted once sent."""

    id = Serial(primary_key=True)
    account = owner()
    kind = Varchar(length=16)  # a ReminderKind (kinds.py)
    about = UUID(null=True, default=None)  # the commitment, check-in or summary it is about
    cadence = Varchar(length=12)  # a Cadence (kinds.py)
    clock = Varchar(length=5, null=True, default=None)
    weekdays = Varchar(length=20, default="")
    on_date = Date(null=True, default=None)
    title = Varchar(length=80, default="")
    due_at = Timestamptz()
    # The zone due_at was planned in: if the person moves zone, the time is planned again.
    time_zone = Varchar(length=64, default="")
    held = Boolean(default=False)  # waiting for a tapped shift to end
    claimed_until = Timestamptz(null=True, default=None)
    attempts = Integer(default=0)


class SentPush(Table, tablename="sent_push"):
    """A push that went out, for the daily cap and to never send one thing twice."""

    id = Serial(primary_key=True)
    account = owner()
    kind = Varchar(length=16)
    about = UUID(null=True, default=None)
    local_date = Date()
    sent_at = Timestamptz()

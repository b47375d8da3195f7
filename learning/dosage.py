"""How much of an exercise to do, how often, and the one place it is put into words.

An exercise page, an exercise block in an article, a programme's exercise and every
handout describe a dosage through `Dosage`, so "3 sets of 10, twice a day" reads the
same everywhere, in short words (reading grade 8 or below).
"""

from dataclasses import dataclass, fields, replace

PER_DAY = "day"
PER_WEEK = "week"
PERIOD_CHOICES = [(PER_DAY, "a day"), (PER_WEEK, "a week")]

# field → (lowest, highest, what it is, in the editor's words)
LIMITS = {
    "sets": (1, 10, "Sets"),
    "repetitions": (1, 50, "Repetitions"),
    "hold_seconds": (1, 300, "Hold time"),
    "rest_seconds": (0, 600, "Rest"),
    "times_per_period": (1, 7, "How often"),
}
UNITS = {"hold_seconds": " seconds", "rest_seconds": " seconds"}
SMALL_NUMBERS = {1: "once", 2: "twice"}

NO_AMOUNT = (
    "Give the number of repetitions, a hold time, or both: patients need to know how much to do."
)
NO_FREQUENCY = "Say how often: a number from 1 to 7, and whether that is a day or a week."


@dataclass(frozen=True)
class Dosage:
    sets: int | None = None
    repetitions: int | None = None
    hold_seconds: int | None = None
    rest_seconds: int | None = None
    times_per_period: int | None = None
    period: str = PER_DAY

    @classmethod
    def field_names(cls):
        return [f.name for f in fields(cls)]

    @classmethod
    def from_object(cls, obj, prefix=""):
        """The dosage held in `obj`'s attributes (a model) or keys (a block value)."""
        get = obj.get if isinstance(obj, dict) else lambda name: getattr(obj, name, None)
        values = {name: get(prefix + name) for name in cls.field_names()}
        values["period"] = values["period"] or PER_DAY
        return cls(**values)

    def overridden_by(self, other):
        """This dosage with every value `other` sets replacing this one's. A frequency is
        replaced whole: "3 times" from one and "a week" from the other would mislead."""
        changes = {
            name: getattr(other, name)
            for name in ("sets", "repetitions", "hold_seconds", "rest_seconds")
            if getattr(other, name) is not None
        }
        if other.times_per_period is not None:
            changes.update(times_per_period=other.times_per_period, period=other.period)
        return replace(self, **changes)

    @property
    def is_empty(self):
        return all(getattr(self, name) is None for name in LIMITS)

    # The words. Each part is a short phrase; `summary` joins them for one line.

    def amount(self):
        """ "3 sets of 10", "Do it 10 times", "Hold for 20 seconds", or a count of holds:
        "3 sets of 10, holding each for 5 seconds"."""
        sets = self.sets if self.sets and self.sets > 1 else None
        hold = duration(self.hold_seconds) if self.hold_seconds else None
        if self.repetitions:
            counted = (
                f"{sets} sets of {self.repetitions}" if sets else f"do it {self.repetitions} times"
            )
            phrase = f"{counted}, holding each for {hold}" if hold else counted
        elif hold:
            phrase = f"hold for {hold}, {sets} times" if sets else f"hold for {hold}"
        else:
            phrase = f"do it {sets} times" if sets else ""
        return phrase[:1].upper() + phrase[1:]

    def rest(self):
        several = (self.sets or 1) > 1 or (self.repetitions or 1) > 1
        if not self.rest_seconds or not several:
            return ""
        between = "sets" if self.sets and self.sets > 1 and self.repetitions else "each one"
        return f"Rest for {duration(self.rest_seconds)} between {between}"

    def frequency(self):
        """ "twice a day", "3 times a week", "every day"."""
        if not self.times_per_period:
            return ""
        if self.period == PER_WEEK and self.times_per_period == 7:
            return "every day"
        times = SMALL_NUMBERS.get(self.times_per_period, f"{self.times_per_period} times")
        return f"{times} a {self.period}"

    def summary(self):
        """One line: "3 sets of 10, twice a day"; "Hold for 20 seconds, once a day"."""
        return ", ".join(part for part in (self.amount(), self.frequency()) if part)

    def lines(self):
        """The dosage as short lines for a dosage box: amount, rest, how often."""
        frequency = self.frequency()
        return [
            line
            for line in (self.amount(), self.rest(), frequency[:1].upper() + frequency[1:])
            if line
        ]


def duration(seconds):
    """ "20 seconds", "1 minute", "2 minutes 30 seconds"."""
    minutes, rest = divmod(seconds, 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if rest or not minutes:
        parts.append(f"{rest} second{'s' if rest != 1 else ''}")
    return " ".join(parts)


def dosage_errors(dosage, *, complete=True):
    """{field name: message} for each value out of range. With `complete`, the dosage
    must also say how much (repetitions or a hold) and how often; an override (an
    article's or a programme's change to the exercise's own dosage) need not."""
    errors = {}
    for name, (lowest, highest, label) in LIMITS.items():
        value = getattr(dosage, name)
        if value is not None and not lowest <= value <= highest:
            unit = UNITS.get(name, "")
            errors[name] = (
                f"{label} must be between {lowest} and {highest}{unit}; you entered {value}."
            )
    if dosage.period not in (PER_DAY, PER_WEEK):
        errors["period"] = "Choose “a day” or “a week”."
    if complete:
        if not dosage.repetitions and not dosage.hold_seconds and "repetitions" not in errors:
            errors["repetitions"] = NO_AMOUNT
        if not dosage.times_per_period and "times_per_period" not in errors:
            errors["times_per_period"] = NO_FREQUENCY
    return errors

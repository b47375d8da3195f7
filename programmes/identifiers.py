"""Text that looks like a patient's contact details, which a programme must never hold:
anyone with its link can read it."""

import re

EMAIL = re.compile(r"[\w.+-]+\s?@\s?[\w-]+(?:\.[\w-]+)+")

# A phone number starts with "+", "00" or a UK trunk "0" (perhaps in brackets) and runs
# on in digits, spaces, dots, hyphens and brackets. Dosage ("3 sets of 10", "2 x 15")
# never starts that way, and words break up its numbers.
PHONE = re.compile(r"(?<![\w+])(?:\+|\(\s?0|0)[\d\s().-]{6,22}\d(?!\w)")
PHONE_DIGITS = range(9, 16)  # UK numbers have 10–11 digits; E.164 allows up to 15
# North American numbers written without "+1" (US clinics print on Letter paper):
# "(555) 123-4567", "555-123-4567", "555.123.4567".
NORTH_AMERICAN_PHONE = re.compile(r"(?<![\w+])(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\w)")

EMAIL_MESSAGE = (
    "Remove the e-mail address (“{found}”): a programme must not hold the patient’s "
    "contact details, because anyone with the link can read it."
)
PHONE_MESSAGE = (
    "Remove the phone number (“{found}”): a programme must not hold the patient’s "
    "contact details, because anyone with the link can read it."
)


def phone_numbers(text):
    found = [match.group() for match in NORTH_AMERICAN_PHONE.finditer(text)]
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) in PHONE_DIGITS:
            found.append(match.group().strip())
    return found


def identifier_error(text):
    """A message saying what to remove, or None when the text looks free of contact
    details."""
    if match := EMAIL.search(text or ""):
        return EMAIL_MESSAGE.format(found=match.group())
    if numbers := phone_numbers(text or ""):
        return PHONE_MESSAGE.format(found=numbers[0])
    return None

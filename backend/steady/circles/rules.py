"""A circle's ground rules: shown before anyone joins, agreed to by everyone who does."""

RULES_VERSION = 1

GROUND_RULES = [
    "What is said in the circle stays in the circle.",
    "Describe situations without names or details that could identify a patient, client "
    "or student.",
    "This is peer support: it is not therapy, and not supervision of record.",
    "Anyone can pass on any part, any time, without saying why.",
]

AGREE_FIRST = "Read the ground rules and tick that you agree to them to join."

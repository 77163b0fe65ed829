"""The KPI card's rules: every weight, target and threshold of a library's score, here and
nowhere else (docs/kpi.md explains them to people; `score` applies them).

A library in the programme gets a score from 0 to 100 for each complete quarter, from its own
records of that quarter. Five parts add up to 100; inside each part, items give points per
record up to a cap, or in proportion to a target, so no single habit fills a part alone.
"""

from decimal import Decimal

# The colour of a score: above GREEN_ABOVE is green, below RED_BELOW red, else yellow.
GREEN_ABOVE = 75
RED_BELOW = 50

GREEN, YELLOW, RED = "green", "yellow", "red"
COLOURS = (GREEN, YELLOW, RED)

# The five parts and their weights (they add up to 100).
REPORTING = "reporting"
COMMUNITY = "community"
PUBLICITY = "publicity"
PARTNERSHIP = "partnership"
OUTCOMES = "outcomes"
WEIGHTS = {
    REPORTING: 25,
    COMMUNITY: 25,
    PUBLICITY: 15,
    PARTNERSHIP: 20,
    OUTCOMES: 15,
}

# Reporting on time (25): the weight is shared equally by the quarter's months whose report was
# due (from the month the library joined; a month not yet due counts neither way). A report
# filed on time earns its month's share, one filed late LATE_SHARE of it, a missing one nothing.
LATE_SHARE = Decimal("0.5")

# Community activities and participants (25): published activities held in the quarter, and
# their participants, each in proportion to a target (more than the target earns no more).
ACTIVITY_POINTS, ACTIVITY_TARGET = 15, 6
PARTICIPANT_POINTS, PARTICIPANT_TARGET = 10, 90

# Publicity and public pages (15): points per published activity of the quarter with a photo
# that may be published (it shows on the public page), and per activity with a link to a
# social-media post, each up to a cap; and points for a public profile that says what the
# library is (a description), shows it (a cover photo) and where to follow it (a website or
# social-media account).
PHOTO_POINTS, PHOTO_CAP = 2, 3
SOCIAL_POINTS, SOCIAL_CAP = 2, 3
PROFILE_POINTS = 3

# Partnerships and advocacy (20): partners' contributions given to the library in the
# quarter, an agreement (MoU/PKS) in force during the quarter that covers the library, advocacy
# meetings about the library in the quarter, and a commitment won at one of them.
CONTRIBUTION_POINTS, CONTRIBUTION_CAP = 4, 2
AGREEMENT_POINTS = 4
MEETING_POINTS, MEETING_CAP = 3, 2
COMMITMENT_POINTS = 2

# Outcomes (15): the share of answers to the outcome surveys of the quarter's activities that
# agree an outcome was reached, times the weight, once at least SURVEY_MIN_RESPONSES people
# answered. With fewer answers the activities' recorded outcomes count instead: points per
# published activity whose outcome for the participants was written down, up to a cap.
SURVEY_MIN_RESPONSES = 5
OUTCOME_POINTS, OUTCOME_CAP = 5, 3


def colour(total):
    """The colour of a score (a whole number from 0 to 100)."""
    if total > GREEN_ABOVE:
        return GREEN
    if total < RED_BELOW:
        return RED
    return YELLOW

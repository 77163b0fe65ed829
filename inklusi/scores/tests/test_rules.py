"""The rules' weights and thresholds."""

import pytest

from inklusi.scores import rules


def test_the_parts_weigh_one_hundred():
    assert sum(rules.WEIGHTS.values()) == 100
    assert rules.WEIGHTS == {
        "reporting": 25,
        "community": 25,
        "publicity": 15,
        "partnership": 20,
        "outcomes": 15,
    }


def test_each_part_can_be_filled_exactly():
    assert rules.ACTIVITY_POINTS + rules.PARTICIPANT_POINTS == rules.WEIGHTS[rules.COMMUNITY]
    assert (
        rules.PHOTO_POINTS * rules.PHOTO_CAP
        + rules.SOCIAL_POINTS * rules.SOCIAL_CAP
        + rules.PROFILE_POINTS
        == rules.WEIGHTS[rules.PUBLICITY]
    )
    assert (
        rules.CONTRIBUTION_POINTS * rules.CONTRIBUTION_CAP
        + rules.AGREEMENT_POINTS
        + rules.MEETING_POINTS * rules.MEETING_CAP
        + rules.COMMITMENT_POINTS
        == rules.WEIGHTS[rules.PARTNERSHIP]
    )
    assert rules.OUTCOME_POINTS * rules.OUTCOME_CAP == rules.WEIGHTS[rules.OUTCOMES]


@pytest.mark.parametrize(
    "total,colour",
    [(100, "green"), (76, "green"), (75, "yellow"), (50, "yellow"), (49, "red"), (0, "red")],
)
def test_colour_thresholds(total, colour):
    assert rules.colour(total) == colour

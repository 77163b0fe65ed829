from unittest import mock

from inklusi.core import ratelimit


def test_it_allows_up_to_the_limit_per_key():
    assert [ratelimit.allow("a", 2, 60) for _ in range(3)] == [True, True, False]
    assert ratelimit.allow("b", 2, 60)  # another person's count is their own


def test_a_new_window_starts_afresh():
    with mock.patch("inklusi.core.ratelimit.time.time", return_value=1000.0):
        assert ratelimit.allow("a", 1, 60)
        assert not ratelimit.allow("a", 1, 60)
    with mock.patch("inklusi.core.ratelimit.time.time", return_value=1060.0):
        assert ratelimit.allow("a", 1, 60)

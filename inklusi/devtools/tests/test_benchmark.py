from django.test import Client
from django.urls import reverse

from inklusi.devtools.benchmark import percentile, summary, time_get


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 0.95) == 95
    assert percentile([7], 0.95) == 7
    assert summary([1, 2, 3, 4]) == {"median": 2.5, "p95": 4}


def test_time_get_reads_the_page_and_refuses_an_error(db):
    times = time_get(Client(), reverse("home:health"), runs=3)
    assert len(times) == 3 and all(t > 0 for t in times)
    try:
        time_get(Client(), "/no-such-page/", runs=1)
    except RuntimeError as error:
        assert "404" in str(error)
    else:
        raise AssertionError("a 404 must stop the benchmark")

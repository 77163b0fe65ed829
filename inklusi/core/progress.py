"""How far a long piece of work is, told to a callback `on_progress(percent, stage)`: percent
from 0 to 100, stage a short key of what it does now."""


def ignore(percent, stage):
    """The callback of work nobody watches."""


def part(on_progress, start, end):
    """The callback of a part of the work that reports 0–100 of itself, as `start`–`end` of
    the whole."""
    return lambda percent, stage: on_progress(start + (end - start) * percent / 100, stage)

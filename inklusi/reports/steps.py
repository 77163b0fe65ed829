"""A library's next steps about its monthly reports, for `core.next_steps` (registered in
apps.py): the months to file, late ones marked."""

from inklusi.core.next_steps import Step

from .queries import months_to_file


def next_steps(library, scope, today):
    return [
        Step(item["text"], item["url"], urgent=item["late"])
        for _library, item in months_to_file([library], today)
    ]

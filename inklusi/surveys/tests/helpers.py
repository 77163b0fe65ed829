from inklusi.surveys import services

ANSWERS = {"knowledge": 5, "confidence": 4, "application": 3, "awareness": 2, "next_step": ""}


def answer(survey, n=1, **changes):
    """`n` online answers from `n` different phones."""
    made = []
    for _ in range(n):
        response, _created = services.submit(
            survey,
            ANSWERS | changes,
            submission_key=services.new_key(),
            device=services.new_key(),
        )
        made.append(response)
    return made


def form_data(key, **changes):
    data = {
        "key": key,
        "knowledge": "5",
        "confidence": "4",
        "application": "4",
        "awareness": "2",
        "next_step": "Membacakan buku untuk anak saya",
        "whatsapp": "",
        "email": "",
        "website": "",
    }
    return data | changes

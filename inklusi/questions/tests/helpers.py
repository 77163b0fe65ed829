from inklusi.questions.models import Question


def ask(manager, library, text="Bagaimana cara mengisi laporan bulanan untuk kegiatan gabungan?"):
    return Question.objects.create(asked_by=manager, library=library, text=text)

"""Downloads of a dashboard: XLSX and one-page PDF (being written)."""


def xlsx_response(board):
    raise NotImplementedError


def pdf_response(board, request):
    raise NotImplementedError

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def history_url(record):
    """The address of a record's history page (`{% history_url library %}`). Show the link
    where the page shows its edit link: the history is for those who may change the record."""
    return reverse("audit:record", args=[record._meta.label_lower, record.pk])

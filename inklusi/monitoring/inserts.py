"""Writing a summary table from the rows of Django querysets in one INSERT … SELECT."""

from django.db import connection


def _sql(queryset):
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def insert_select(table, keys, figures, sources):
    """INSERT INTO table: the sum of each figure over the UNION ALL of `sources`, grouped by
    `keys` (the sources name their columns k_<key> and f_<figure>)."""
    parts, params = [], []
    for source in sources:
        sql, source_params = _sql(source)
        parts.append(sql)
        params += source_params
    key_list = ", ".join(f"raw.k_{k}" for k in keys)
    sums = ", ".join(f"SUM(raw.f_{f})" for f in figures)
    union = " UNION ALL ".join(f"SELECT * FROM ({sql}) AS part{i}" for i, sql in enumerate(parts))
    columns = ", ".join((*keys, *figures))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}) SELECT {key_list}, {sums} "
            f"FROM ({union}) AS raw GROUP BY {key_list}",
            params,
        )

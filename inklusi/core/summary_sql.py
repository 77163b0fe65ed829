"""Writing summary tables in SQL: a whole table from the rows of Django querysets in one
INSERT … SELECT (`insert_select`), and changes added to stored rows by atomic upserts
(`add_to`). The dashboard's and the outcome surveys' summaries both use them. Reading many
rows, and sums of summary rows, back fast: `read_rows`, `read_sums`."""

from django.db import connection, connections


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


def add_to(model, keys, figures, rows, replace=()):
    """Add each row's figures to the stored row with the same `keys`, creating it if needed:
    `INSERT … ON CONFLICT (keys) DO UPDATE SET x = x + excluded.x`, so two writers never lose
    an update; the `replace` columns take the new value. `rows` are tuples of the keys, the
    `replace` columns, then the figures. Written in key order, so that two writers lock shared
    rows (the nation's first) in the same order and never deadlock."""
    if not rows:
        return
    table = model._meta.db_table
    columns = (*keys, *replace, *figures)
    placeholders = ", ".join(["%s"] * len(columns))
    updates = ", ".join(
        [f"{c} = excluded.{c}" for c in replace]
        + [f"{f} = {table}.{f} + excluded.{f}" for f in figures]
    )
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}) "
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, sorted(rows))


def read_rows(queryset):
    """The rows of a `values()` queryset as tuples, straight from the cursor: without
    Django's per-value conversion, so each value is as the database gives it (dates from
    SQLite are text: read them with `months.as_date`)."""
    sql, params = _sql(queryset)
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def read_sums(queryset, keys, figures):
    """Rows (tuples of `keys`, then `figures`): per distinct `keys` of the queryset's rows,
    the sum of each of `figures` as an int, in one query, read as `read_rows` reads.

    The queryset only filters, and names its keys (fields or annotations); the sums are
    written here around it, as Django takes milliseconds to build and compile twenty
    `Cast(Sum())` per query, more than the query itself (the database flattens the
    subquery)."""
    inner, params = _sql(queryset.order_by().values(*keys, *figures))
    quote = connections[queryset.db].ops.quote_name
    names = [f"summed.{quote(name)}" for name in keys]
    sums = [f"CAST(SUM(summed.{quote(f)}) AS BIGINT)" for f in figures]
    group = f" GROUP BY {', '.join(names)}" if keys else ""
    sql = f"SELECT {', '.join(names + sums)} FROM ({inner}) AS summed{group}"
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()

"""A region-code column and the `inside` lookup that every scope filter is built on.

`code__inside="16.71"` matches `16.71` itself and every code below it (`16.71.01`,
`16.71.01.1001`). It is written per database so that an index serves it: PostgreSQL's LIKE with
the `varchar_pattern_ops` index Django adds to indexed CharFields, SQLite's binary range
(`'16.71.' <= code < '16.71/'`, since `/` follows `.`), which its default BINARY index serves.
"""

from django.db import models


class RegionCodeField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 13)
        super().__init__(*args, **kwargs)


@RegionCodeField.register_lookup
class Inside(models.Lookup):
    lookup_name = "inside"

    def _parts(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return lhs, list(lhs_params), self.rhs

    def as_sql(self, compiler, connection):
        # SQLite and any database with binary string ordering.
        lhs, params, code = self._parts(compiler, connection)
        sql = f"({lhs} = %s OR ({lhs} >= %s AND {lhs} < %s))"
        return sql, params + [code] + params + [code + "."] + params + [code + "/"]

    def as_postgresql(self, compiler, connection):
        lhs, params, code = self._parts(compiler, connection)
        pattern = connection.ops.prep_for_like_query(code) + ".%"
        return f"({lhs} = %s OR {lhs} LIKE %s)", params + [code] + params + [pattern]


class SearchTextField(models.CharField):
    """Lower-case text for the type-ahead, with a `prefix` lookup that an index serves."""


@SearchTextField.register_lookup
class Prefix(models.Lookup):
    """`search_text__prefix="suka"`: starts with "suka" (the value is lower-cased text).

    SQLite's LIKE ignores case and so cannot use an index; a binary range can. PostgreSQL's
    LIKE 'suka%' uses the `varchar_pattern_ops` index Django adds to indexed CharFields.
    """

    lookup_name = "prefix"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        params = list(lhs_params)
        return f"({lhs} >= %s AND {lhs} < %s)", params + [self.rhs] + params + [
            self.rhs + "\U0010ffff"
        ]

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        pattern = connection.ops.prep_for_like_query(self.rhs) + "%"
        return f"{lhs} LIKE %s", [*lhs_params, pattern]

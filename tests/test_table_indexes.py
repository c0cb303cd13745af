"""Which indexes a doctype's table gets: its list order's column (not always ``modified``),
its Link columns but those to doctypes of a handful of records, the composite indexes a
doctype declares, and a migration dropping an index of one column a table no longer
declares."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from core.db.migrate import sync_tables
from core.db.tables import doctype_table
from core.errors import MetaError
from core.meta.doctype import doctype_from_dict, unindex_links

LEDGER = {
    "name": "Test Ledger", "module": "Tests", "sort_field": "posting_date",
    "indexes": [["item", "posting_date", "creation", "idx"]],
    "fields": [{"fieldname": "item", "fieldtype": "Data", "label": "Item"},
               {"fieldname": "posting_date", "fieldtype": "Date", "label": "Date"},
               {"fieldname": "qty", "fieldtype": "Float", "label": "Qty"}],
}


def _indexes(meta) -> dict[str, list[str]]:  # noqa: ANN001
    return {i.name: [c.name for c in i.columns] for i in doctype_table(meta).indexes}


def test_a_table_is_indexed_on_its_list_order_and_declared_composites():
    meta = doctype_from_dict(LEDGER)
    assert _indexes(meta) == {
        "ix_test_ledger_posting_date": ["tenant_id", "posting_date"],
        "ix_test_ledger_item_posting_date_creation_idx":
            ["tenant_id", "item", "posting_date", "creation", "idx"]}
    by_modified = doctype_from_dict(LEDGER | {"sort_field": "modified", "indexes": []})
    assert _indexes(by_modified) == {"ix_test_ledger_modified": ["tenant_id", "modified"]}
    by_name = doctype_from_dict(LEDGER | {"sort_field": "name", "indexes": []})
    assert _indexes(by_name) == {}  # the primary key (tenant_id, name) serves


def test_a_long_composite_index_name_is_cut_with_a_digest():
    meta = doctype_from_dict(LEDGER | {"name": "Test Ledger With A Rather Long Name",
                                       "indexes": [["item", "posting_date", "creation", "idx"],
                                                   ["item", "posting_date", "creation", "qty"]]})
    names = [n for n in _indexes(meta) if "item" in n]
    # both full names pass 63 characters and begin alike: the digests tell them apart
    assert len(set(names)) == 2 and all(len(n) == 63 for n in names)


@pytest.mark.parametrize("columns", [["no_such_field"], [], ["tenant_id", "item"]])
def test_an_index_naming_no_column_is_refused(columns):
    with pytest.raises(MetaError) as error:
        doctype_from_dict(LEDGER | {"indexes": [columns]})
    assert error.value.field == "indexes"


SALE = {
    "name": "Test Sale", "module": "Tests", "sort_field": "name",
    "fields": [{"fieldname": "customer", "fieldtype": "Link", "options": "Customer"},
               {"fieldname": "company", "fieldtype": "Link", "options": "Company"},
               {"fieldname": "currency", "fieldtype": "Link", "options": "Currency",
                "search_index": 1}],
}


def test_a_link_to_a_doctype_of_few_records_gets_no_index_unless_asked():
    company = doctype_from_dict({"name": "Company", "index_links": 0, "fields": []})
    assert not company.index_links and doctype_from_dict({"name": "Customer"}).index_links
    sale = doctype_from_dict(SALE)
    assert set(_indexes(sale)) == {"ix_test_sale_customer", "ix_test_sale_company",
                                   "ix_test_sale_currency"}
    sale = sale.with_fields(unindex_links(sale.fields, frozenset({"Company", "Currency"})))
    # the currency's search_index still asks for one
    assert set(_indexes(sale)) == {"ix_test_sale_customer", "ix_test_sale_currency"}


def test_the_sales_invoice_table_indexes_its_customer_not_its_company(site):
    assert {"Company", "Currency", "UOM", "Price List", "Cost Center"} <= site.unindexed_links
    invoice = _indexes(site.extended_meta("Sales Invoice"))
    assert "ix_sales_invoice_customer" in invoice
    assert not {"ix_sales_invoice_company", "ix_sales_invoice_currency",
                "ix_sales_invoice_selling_price_list"} & set(invoice)
    with site.db.owner.connect() as conn:  # and the migrated database agrees
        have = {i["name"] for i in inspect(conn).get_indexes("sales_invoice")}
    assert "ix_sales_invoice_customer" in have and "ix_sales_invoice_company" not in have


def test_migrating_drops_a_link_index_no_longer_declared_but_not_a_custom_columns(site):
    old = doctype_table(doctype_from_dict(SALE))
    meta = doctype_from_dict(SALE)
    new = doctype_table(meta.with_fields(unindex_links(meta.fields, frozenset({"Company"}))))
    with site.db.owner.begin() as conn:
        sync_tables(conn, [old], site.db.app_role)
        # what a tenant's custom Link field adds to a shared table (core/db/ddl.py)
        conn.exec_driver_sql("ALTER TABLE test_sale ADD COLUMN cf_region VARCHAR(140)")
        conn.exec_driver_sql("CREATE INDEX ix_test_sale_cf_region "
                             "ON test_sale (tenant_id, cf_region)")
    try:
        with site.db.owner.begin() as conn:
            sync_tables(conn, [new], site.db.app_role)
            have = {i["name"] for i in inspect(conn).get_indexes("test_sale")}
        assert have == {"ix_test_sale_customer", "ix_test_sale_currency",
                        "ix_test_sale_cf_region"}
    finally:
        with site.db.owner.begin() as conn:
            old.drop(conn)


def test_migrating_drops_the_index_on_modified_a_table_no_longer_declares(site):
    old = doctype_table(doctype_from_dict(LEDGER | {"sort_field": "modified",
                                                    "indexes": []}))
    new = doctype_table(doctype_from_dict(LEDGER))
    with site.db.owner.begin() as conn:
        sync_tables(conn, [old], site.db.app_role)
    try:
        with site.db.owner.begin() as conn:
            sync_tables(conn, [new], site.db.app_role)
            have = {i["name"] for i in inspect(conn).get_indexes("test_ledger")}
        assert have == {i.name for i in new.indexes}
    finally:
        with site.db.owner.begin() as conn:
            new.drop(conn)


def test_inventory_ledger_and_bins_have_the_indexes_their_postings_use():
    from modules.inventory.doctypes.bin import DOCTYPE as BIN
    from modules.inventory.doctypes.stock_ledger_entry import DOCTYPE as SLE

    sle = _indexes(doctype_from_dict(SLE))
    assert ["tenant_id", "item_code", "warehouse", "posting_date", "creation", "idx"] \
        in sle.values()
    assert "ix_stock_ledger_entry_modified" not in sle
    # Bins are updated by every movement: no index on modified, so updates stay in place
    assert not any("modified" in columns for columns in _indexes(doctype_from_dict(BIN))
                   .values())

"""``reflect demo``: fill an empty journal with the sample journal, to look around safely."""

from __future__ import annotations

from reflect.core.clock import Clock
from reflect.core.contents import ImportReport
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.paths import Paths
from reflect.services.demo_content import build_demo_journal
from reflect.services.entries import EntryService
from reflect.services.inquiries import InquiryService
from reflect.services.transfer import TransferService


def fill_demo(
    paths: Paths,
    clock: Clock,
    entries: EntryService,
    inquiries: InquiryService,
    transfer: TransferService,
) -> ImportReport:
    """Add the demo journal, dated up to now; refuse a journal that already holds writing."""
    if entries.count() or inquiries.all():
        raise BadInput(Msg.JOURNAL_NOT_EMPTY, path=paths.data_dir)
    return transfer.import_contents(build_demo_journal(clock().astimezone()))

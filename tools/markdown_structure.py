"""
A pymarkdown rule for what its built-in rules let through, and our README once suffered from:

- a code fence that is never closed (everything after it renders as code);
- a table row outside its table (a `| ... |` line glued to a paragraph renders as text);
- a table row whose first cell repeats an earlier row's (the same thing listed twice).

`make lint` loads it with `pymarkdown --add-plugin tools/markdown_structure.py`.
"""

import re

from pymarkdown.plugin_manager.plugin_details import PluginDetails
from pymarkdown.plugin_manager.rule_plugin import RulePlugin

OPENING_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[A-Za-z]", re.MULTILINE)


class MarkdownStructure(RulePlugin):
    def get_details(self) -> PluginDetails:
        return PluginDetails(
            plugin_name="markdown-structure",
            plugin_id="KTS001",
            plugin_enabled_by_default=True,
            plugin_description="Fences closed, table rows inside their table, no repeated rows",
            plugin_version="1.0.0",
            plugin_interface_version=1,
        )

    def starting_new_file(self) -> None:
        self.fence = None  # the open fence's start token
        self.in_paragraph = False
        self.first_cells: set[str] | None = None  # first cells seen in the current table body
        self.row_cell = None  # text of the current row's first cell, while it is being read
        self.row_token = None
        self.cell_index = -1

    def next_token(self, context, token) -> None:
        name = type(token).__name__
        if token.is_fenced_code_block:
            self.fence = token
        elif token.is_fenced_code_block_end:
            if token.was_forced:
                self.report_next_token_error(context, self.fence, "code fence is never closed")
            self.fence = None
        elif self.fence is not None and token.is_text and OPENING_FENCE.search(token.token_text):
            # "```sh" cannot close a fence, so the block above swallowed the next block's opening line.
            self.report_next_token_error(context, self.fence, "code fence is never closed before the next one opens")
        elif token.is_paragraph:
            self.in_paragraph = True
        elif token.is_paragraph_end:
            self.in_paragraph = False
        elif self.in_paragraph and token.is_text:
            self.check_glued_row(context, token)
        if name == "TableMarkdownBodyToken":
            self.first_cells = set()
        elif name == "TableMarkdownRowToken":
            self.row_token, self.row_cell, self.cell_index = token, "", -1
        elif name == "TableMarkdownRowItemToken":
            self.cell_index += 1
        elif self.row_cell is not None and self.cell_index == 0:
            self.row_cell += getattr(token, "token_text", "") or getattr(token, "span_text", "")
        if token.is_end_token and getattr(token, "type_name", "") == "table-row-item" and self.cell_index == 0:
            self.check_repeated_row(context)

    def check_glued_row(self, context, token) -> None:
        for offset, line in enumerate(token.token_text.split("\n")):
            if (offset > 0 or token.column_number == 1) and line.startswith("|"):
                self.report_next_token_error(context, token, "table row outside its table", line_number_delta=offset)
                return

    def check_repeated_row(self, context) -> None:
        cell = self.row_cell.strip()
        if self.first_cells is not None and cell:
            if cell in self.first_cells:
                self.report_next_token_error(context, self.row_token, f"row '{cell}' repeats an earlier row")
            self.first_cells.add(cell)
        self.row_cell = None

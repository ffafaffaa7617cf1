"""
Whether a DOI or a PubMed ID is well-formed, beyond the shape the front matter already demands.

The front matter accepts anything shaped like `10.1234/...` or digits, so a file keeps loading. These
rules catch what copying an identifier from a PDF or a web page gets wrong while keeping that shape:
punctuation from the citation, typographic dashes, URL-encoding, characters that cut the
https://doi.org/ link short, and PubMed IDs no PubMed record can have.
"""

import re
import unicodedata

DOI_SHAPE = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$")
PMID_SHAPE = re.compile(r"^[1-9]\d{0,7}$")  # PubMed numbers its records from 1; they have at most 8 digits
TRAILING_PUNCTUATION = ".,;:"
LINK_BREAKING = '#?"\\^`{|}'  # end or change the doi.org link a reader follows
CLOSING_BRACKETS = {")": "(", "]": "[", ">": "<"}


def doi_problems(doi: str) -> list[str]:
    """What is wrong with `doi` (nothing, when there is none: a reference may have a pmid or url instead)."""
    if not doi:
        return []
    if not DOI_SHAPE.match(doi):
        return ["doi must be '10.', the publisher's number, '/' and the rest, e.g. 10.1016/j.jad.2014.02.017"]
    problems = [
        f"doi contains {char!r} ({unicodedata.name(char, 'a non-ASCII character')}); type it with plain ASCII"
        for char in dict.fromkeys(doi)
        if not char.isascii()
    ]
    problems += [f"doi contains {char!r}, which breaks the doi.org link" for char in LINK_BREAKING if char in doi]
    if "%" in doi:
        problems.append("doi looks URL-encoded ('%'); write it as printed on the paper")
    if doi[-1] in TRAILING_PUNCTUATION:
        problems.append(f"doi ends with {doi[-1]!r}, probably punctuation copied from the citation")
    unmatched = _unmatched_bracket(doi)
    if unmatched:
        problems.append(f"doi has an unmatched {unmatched!r}; was a bracket around it copied too?")
    return problems


def pmid_problems(pmid: str) -> list[str]:
    if not pmid or PMID_SHAPE.match(pmid):
        return []
    return [f"pmid must be 1 to 8 digits with no leading zero, e.g. 10686270, not {pmid!r}"]


def _unmatched_bracket(text: str) -> str:
    open_brackets = []
    for char in text:
        if char in CLOSING_BRACKETS.values():
            open_brackets.append(char)
        elif char in CLOSING_BRACKETS and (not open_brackets or open_brackets.pop() != CLOSING_BRACKETS[char]):
            return char
    return open_brackets[-1] if open_brackets else ""

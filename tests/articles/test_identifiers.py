import pytest

from articles.identifiers import doi_problems, pmid_problems


@pytest.mark.parametrize(
    "doi",
    [
        "10.1016/S0006-3223(99)00230-9",
        "10.1002/(SICI)1097-4679(199711)53:7<657::AID-JCLP3>3.0.CO;2-F",
        "10.1002/14651858.CD011611.pub3",
        "10.1000.10/abc",  # a registrant with a subdivision
    ],
)
def test_real_dois_are_well_formed(doi):
    assert doi_problems(doi) == []


@pytest.mark.parametrize(
    ("doi", "problem"),
    [
        ("10.1000/abc.", "doi ends with '.', probably punctuation copied from the citation"),
        ("10.1000/abc;", "doi ends with ';', probably punctuation copied from the citation"),
        ("10.1000/abc)", "doi has an unmatched ')'; was a bracket around it copied too?"),
        ("10.1000/(abc", "doi has an unmatched '('; was a bracket around it copied too?"),
        ("10.1000/abc\u2013def", "doi contains '\u2013' (EN DASH); type it with plain ASCII"),
        ("10.1000/abc%2Fdef", "doi looks URL-encoded ('%'); write it as printed on the paper"),
        ("10.1000/abc#page", "doi contains '#', which breaks the doi.org link"),
        ("10.1000/abc?x", "doi contains '?', which breaks the doi.org link"),
        ("11.1000/abc", "doi must be '10.', the publisher's number, '/' and the rest, e.g. 10.1016/j.jad.2014.02.017"),
    ],
)
def test_copying_mistakes_are_named(doi, problem):
    assert doi_problems(doi) == [problem]


@pytest.mark.parametrize(("pmid", "ok"), [("1", True), ("10686270", True), ("0123", False), ("123456789", False)])
def test_pmid_is_one_to_eight_digits_without_leading_zero(pmid, ok):
    assert (pmid_problems(pmid) == []) is ok


def test_a_reference_without_the_identifier_has_nothing_wrong_with_it():
    assert doi_problems("") == pmid_problems("") == []

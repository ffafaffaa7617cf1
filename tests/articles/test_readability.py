import pytest

from articles.readability import count_syllables, flesch_kincaid_grade


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("cat", 1), ("make", 1), ("makes", 1), ("table", 2), ("ketamine", 3), ("depression", 3), ("the", 1), ("2019", 1)],
)
def test_syllable_counts(word, syllables):
    assert count_syllables(word) == syllables


def test_simple_text_scores_low_and_dense_text_scores_high():
    simple = ["The cat sat on the mat. It was warm. We went home."]
    dense = [
        "Pharmacological antagonism of glutamatergic neurotransmission precipitates considerable"
        " neuroadaptive reorganization within prefrontal microcircuitry, notwithstanding heterogeneous"
        " interindividual responsiveness."
    ]
    assert flesch_kincaid_grade(simple) < 2
    assert flesch_kincaid_grade(dense) > 20
    assert flesch_kincaid_grade([]) is None

import pytest

from articles.readability import count_spanish_syllables, count_syllables, flesch_kincaid_grade, spanish_readability


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


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("ketamina", 4),  # ke-ta-mi-na
        ("tratamiento", 4),  # tra-ta-mien-to: "ie" is a diphthong
        ("cuidado", 3),  # cui-da-do
        ("día", 2),  # dí-a: an accented i breaks the diphthong
        ("caótico", 4),  # ca-ó-ti-co: two strong vowels are a hiatus
        ("leer", 2),
        ("hoy", 1),  # a final y is a vowel
        ("ahora", 3),  # a-ho-ra: the h keeps the vowels apart
        ("988", 1),
    ],
)
def test_spanish_syllable_counts(word, syllables):
    assert count_spanish_syllables(word) == syllables


def test_plain_spanish_scores_high_on_inflesz_and_dense_spanish_low():
    plain = ["La ketamina es un medicamento. Se usa en el hospital. Puede dar sueño."]
    dense = [
        "La antagonización farmacológica de la neurotransmisión glutamatérgica desencadena una considerable"
        " reorganización neuroadaptativa de los microcircuitos prefrontales, independientemente de la"
        " heterogeneidad interindividual de la respuesta terapéutica."
    ]
    easy, easy_huerta = spanish_readability(plain)
    hard, hard_huerta = spanish_readability(dense)
    assert easy > 80 and hard < 40  # INFLESZ: "muy fácil" above 80, "muy difícil" below 40
    assert easy_huerta > 80 and hard_huerta < 40  # its scale: "fácil" above 80, "difícil" below 50
    assert spanish_readability([]) is None

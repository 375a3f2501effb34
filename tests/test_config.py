"""Settings files: mtcheck.toml or [tool.mtcheck], validated; the command line overrides them."""
import pytest

from mtcheck.errors import UsageError
from mtcheck.settings import find_config, load_config


def test_mtcheck_toml_wins_over_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.mtcheck]\nmax-flags = 3\n")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    (tmp_path / "mtcheck.toml").write_text("max-flags = 5\n")
    assert find_config(tmp_path) == tmp_path / "mtcheck.toml"


def test_pyproject_without_table_is_not_a_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None


def test_keys_types_and_relative_paths(tmp_path):
    path = tmp_path / "mtcheck.toml"
    path.write_text('fail-on = "major"\nmin_chrf = 40\nline-aligned = true\ncalibration = "cal.json"\n')
    assert load_config(path) == {"fail_on": "major", "min_chrf": 40.0, "line_aligned": True,
                                 "calibration": str(tmp_path / "cal.json")}


def test_hints_are_a_setting(tmp_path):
    path = tmp_path / "mtcheck.toml"
    path.write_text("hints = true\n")
    assert load_config(path) == {"hints": True}


def test_a_packaged_calibration_is_named_not_a_path(tmp_path):
    path = tmp_path / "mtcheck.toml"
    path.write_text('calibration = "news"\n')
    assert load_config(path) == {"calibration": "news"}


@pytest.mark.parametrize("text,line,message", [
    ("max-flags = 'ten'\n", 1, "setting 'max-flags' must be a whole number, got 'ten'"),
    ("lang = 'en'\nmax-flags = true\n", 2, "setting 'max-flags' must be a whole number, got True"),
    ("ter = 'yes'\n", 1, "setting 'ter' must be true or false, got 'yes'"),
    ("colour = 'red'\n", 1, "unknown setting 'colour'; known settings: calibration, fail-on,"),
    ("max-flags = \n", None, "invalid TOML"),
    ("lang = 'en'\n\nfail_on = 'majr'\n", 3, "fail-on must be one of critical, major, minor, got 'majr'"),
    ("max-flags = -1\n", 1, "max-flags must be 0 or more, got -1"),
    ("ter = true\n'min-chrf' = 140\n", 2, "min-chrf must be between 0 and 100, got 140.0"),
    ("min_similarity = -2\n", 1, "min-similarity must be between -1 and 1, got -2.0"),
    ("lang = 'en'\nmin-quality = 101\n", 2, "min-quality must be between 0 and 100, got 101.0"),
    ("min-segment-quality = -1\n", 1, "min-segment-quality must be between 0 and 100, got -1.0"),
])
def test_bad_config(tmp_path, text, line, message):
    path = tmp_path / "mtcheck.toml"
    path.write_text(text)
    with pytest.raises(UsageError) as err:
        load_config(path)
    assert (err.value.path, err.value.line) == (str(path), line)
    assert message in err.value.message


def test_bad_value_in_pyproject_names_the_line_in_mtchecks_table(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.other]\nmax-flags = 9\n\n[tool.mtcheck]\nlang = 'en'\nmax-flags = -3\n")
    with pytest.raises(UsageError) as err:
        load_config(path)
    assert str(err.value) == f"{path}:6: max-flags must be 0 or more, got -3"

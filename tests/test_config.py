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


@pytest.mark.parametrize("text,message", [
    ("max-flags = 'ten'\n", "setting 'max-flags' must be a int, got 'ten'"),
    ("max-flags = true\n", "setting 'max-flags' must be a int, got True"),
    ("colour = 'red'\n", "unknown setting 'colour'; known settings: calibration, fail-on,"),
    ("max-flags = \n", "invalid TOML"),
])
def test_bad_config(tmp_path, text, message):
    path = tmp_path / "mtcheck.toml"
    path.write_text(text)
    with pytest.raises(UsageError) as err:
        load_config(path)
    assert err.value.path == str(path)
    assert message in err.value.message

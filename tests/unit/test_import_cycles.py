"""No import cycles in reconnect: within every package, its modules and subpackages import
one another in one direction only (what import-linter's ``acyclic_siblings`` checks)."""

from __future__ import annotations

import grimp


def test_no_package_of_reconnect_imports_in_a_circle() -> None:
    graph = grimp.build_graph("reconnect")
    packages = sorted(m for m in graph.modules if graph.find_children(m))
    circles = {
        package: sorted(breakers)
        for package in packages
        if (breakers := graph.nominate_cycle_breakers(package))
    }
    # Each entry: imports inside the package that, taken out, would end its cycles.
    assert circles == {}

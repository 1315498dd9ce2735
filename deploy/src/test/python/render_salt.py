#!/usr/bin/env python3
"""Renders a Salt state as Salt's Jinja renderer would, for checking it where Salt is not installed.

Usage: render_salt.py SALT_ROOT STATE PILLAR_YAML  -> prints the rendered SLS on stdout.

Salt is not packaged for Debian 12, so this emulates the parts of Salt's renderer the Ferry state
uses, as Salt documents them: the import_yaml tag (file relative to the salt root), the yaml filter
(yaml.safe_dump with default_flow_style as its argument), salt['pillar.get'] with ':' as the key
separator, and salt['slsutil.merge'] with strategy 'recurse'. Anything else the state calls fails
loudly (a KeyError naming the function), so the state cannot silently grow beyond what is checked.
"""
import re
import sys

import jinja2
import yaml


def recurse_merge(base, override):
    result = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = recurse_merge(result[key], value)
        else:
            result[key] = value
    return result


def slsutil_merge(obj_a, obj_b, strategy="smart", renderer="yaml", merge_lists=False):
    if strategy != "recurse":
        raise ValueError("the emulation only knows strategy='recurse', got " + strategy)
    return recurse_merge(obj_a, obj_b)


def make_pillar_get(pillar):
    def pillar_get(key, default=""):
        node = pillar
        for part in key.split(":"):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    return pillar_get


class SaltLoader(jinja2.FileSystemLoader):
    """Turns {% import_yaml 'f' as name %} into {% set name = <contents> %}."""

    IMPORT_YAML = re.compile(r"{%(-?)\s*import_yaml\s+'([^']+)'\s+as\s+(\w+)\s*(-?)%}")

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)

        def replace(match):
            with open(self.searchpath[0] + "/" + match.group(2), encoding="utf-8") as f:
                data = yaml.safe_load(f)
            return "{%%%s set %s = %r %s%%}" % (match.group(1), match.group(3), data, match.group(4))

        return self.IMPORT_YAML.sub(replace, source), filename, uptodate


def yaml_filter(data, flow_style=True):
    return yaml.safe_dump(data, default_flow_style=flow_style, sort_keys=False).rstrip("\n")


def main():
    salt_root, state, pillar_file = sys.argv[1:4]
    with open(pillar_file, encoding="utf-8") as f:
        pillar = yaml.safe_load(f)
    env = jinja2.Environment(loader=SaltLoader(salt_root), undefined=jinja2.StrictUndefined)
    env.filters["yaml"] = yaml_filter
    salt = {"pillar.get": make_pillar_get(pillar), "slsutil.merge": slsutil_merge}
    template = env.get_template(state.replace(".", "/") + "/init.sls")
    sys.stdout.write(template.render(salt=salt, pillar=pillar, grains={}))


if __name__ == "__main__":
    main()

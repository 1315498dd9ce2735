{#- Ferry agent: package or tarball, configuration, token, systemd service. Pillar: ferry_agent
    (keys in defaults.yaml). A configuration change restarts the agent; its spool in
    /var/lib/ferry-agent carries over. -#}
{%- from 'ferry_agent/map.jinja' import fa, config, release with context %}

{%- if fa.install_method == 'deb' %}
ferry-agent-package:
  pkg.installed:
    - sources:
      - ferry-agent: {{ fa.deb }}
{%- elif fa.install_method == 'tarball' %}
{%- if fa.manage_user %}
ferry-agent-user:
  user.present:
    - name: {{ fa.user }}
    - system: true
    - usergroup: true
    - home: /var/lib/ferry-agent
    - createhome: false
    - shell: /usr/sbin/nologin
    - optional_groups: [adm]
{%- endif %}

ferry-agent-tarball:
  archive.extracted:
    - name: {{ fa.prefix }}
    - source: {{ fa.tarball }}
    - skip_verify: true
    - enforce_toplevel: true
    - if_missing: {{ fa.prefix }}/{{ release }}/bin/ferry-agent

ferry-agent-current:
  file.symlink:
    - name: {{ fa.prefix }}/ferry-agent
    - target: {{ fa.prefix }}/{{ release }}
    - require:
      - archive: ferry-agent-tarball

ferry-agent-launcher:
  file.symlink:
    - name: {{ fa.bin }}
    - target: {{ fa.prefix }}/ferry-agent/bin/ferry-agent
    - require:
      - file: ferry-agent-current
{%- if fa.manage_service %}

ferry-agent-unit:
  file.managed:
    - name: {{ fa.unit_dir }}/ferry-agent.service
    - source: {{ fa.prefix }}/ferry-agent/etc/systemd/ferry-agent.service
    - mode: '0644'
    - require:
      - file: ferry-agent-current
  module.run:
    - service.systemctl_reload: []
    - onchanges:
      - file: ferry-agent-unit
{%- endif %}
{%- endif %}

ferry-agent-config-dir:
  file.directory:
    - name: {{ fa.config_dir }}
    - mode: '0755'

ferry-agent-token:
  file.managed:
    - name: {{ fa.config_dir }}/agent.token
    - contents_pillar: ferry_agent:token
    - group: {{ fa.group }}
    - mode: '0640'
    - show_changes: false
    - require:
      - file: ferry-agent-config-dir

ferry-agent-config:
  file.managed:
    - name: {{ fa.config_dir }}/agent.yml
    - mode: '0644'
    - check_cmd: {{ fa.bin }} --check-config
    - contents: |
        # Ferry agent configuration, written by Salt (state ferry_agent): edit the pillar, not
        # this file. Every option and its default: the sample agent.yml shipped with the agent.
        {{ config | yaml(False) | indent(8) }}
    - require:
      - file: ferry-agent-token

{%- if fa.manage_service %}

ferry-agent-service:
  service.running:
    - name: ferry-agent
    - enable: true
    - watch:
      - file: ferry-agent-config
      - file: ferry-agent-token
{%- if fa.install_method == 'deb' %}
      - pkg: ferry-agent-package
{%- else %}
      - file: ferry-agent-current
{%- endif %}
{%- endif %}

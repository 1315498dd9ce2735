# Example pillar for the ferry_agent state (keys and defaults: ferry_agent/defaults.yaml).
ferry_agent:
  install_method: deb
  deb: salt://ferry/ferry-agent_0.1.0_all.deb
  # Keep the token in an encrypted pillar (for example Salt's GPG renderer).
  token: the-agent-token-issued-by-the-collector
  config:
    agent:
      interval: 10s
      tags: {cluster: old, role: replica}
    collector:
      url: https://collector.example.net:8186
    inputs:
      os: {enabled: true}

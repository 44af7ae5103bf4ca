-- Platform: extensions every feature may rely on.
create extension if not exists pgcrypto;

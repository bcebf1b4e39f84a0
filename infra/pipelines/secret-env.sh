# Sourced by the pipeline's Azure CLI steps. A variable that the variable group does not define
# reaches the script as the literal text "$(NAME)"; unset such values so that the .bicepparam
# files' readEnvironmentVariable() falls back to its default ("created out of band").
for name in GN_PG_ADMIN_PASSWORD GN_PG_OWNER_PASSWORD GN_PG_APP_PASSWORD GN_ENTRA_CLIENT_ID \
  GN_ENTRA_CLIENT_SECRET GN_PERSONALDATA_HASH_KEY GN_MAIL_PASSWORD GN_ALERT_EMAIL; do
  value="${!name-}"
  if [ -z "$value" ] || [ "${value#\$(}" != "$value" ]; then
    unset "$name"
  fi
done

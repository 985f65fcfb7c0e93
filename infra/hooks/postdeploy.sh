#!/bin/sh
# azd postdeploy hook: subscribes the blob trigger to BlobCreated events of the raw container.
#
# The webhook needs the host's blobs_extension system key, which the host creates only once it has indexed the
# blob trigger (Source = EventGrid), i.e. some time after `azd deploy`; Event Grid validates the endpoint when the
# subscription is created. So: wait for the key, then create (or update) the subscription on the system topic that
# infra/ made. Idempotent: running it again updates the same subscription.
set -eu

# azd runs hooks with the environment's values (the Bicep outputs) exported; load them when run by hand.
if [ -z "${AZURE_FUNCTION_APP_NAME:-}" ] && command -v azd >/dev/null 2>&1; then
  eval "$(azd env get-values)"
fi
: "${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set (run from azd, or azd env get-values)}"
: "${AZURE_FUNCTION_APP_NAME:?}" "${EVENT_GRID_SYSTEM_TOPIC_NAME:?}" "${BLOB_INTAKE_FUNCTION_NAME:?}" "${RAW_CONTAINER_NAME:?}"

attempts=${PIPELINE_KEY_WAIT_ATTEMPTS:-30}
key=""
i=1
while [ "$i" -le "$attempts" ]; do
  key=$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" -o tsv 2>/dev/null || true)
  [ -n "$key" ] && break
  echo "Waiting for the blobs_extension key of $AZURE_FUNCTION_APP_NAME (try $i of $attempts)..."
  # Each listing also wakes the host, which creates the key when it indexes the blob trigger.
  sleep 10
  i=$((i + 1))
done
if [ -z "$key" ]; then
  echo "The host has not created the blobs_extension key; check the app's logs, then run infra/hooks/postdeploy.sh again." >&2
  exit 1
fi

host=$(az functionapp show -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" --query defaultHostName -o tsv)
endpoint="https://${host}/runtime/webhooks/blobs?functionName=Host.Functions.${BLOB_INTAKE_FUNCTION_NAME}&code=${key}"

# The same subscription as infra/modules/eventgrid.bicep deploys with deployEventSubscription=true.
az eventgrid system-topic event-subscription create \
  -g "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$EVENT_GRID_SYSTEM_TOPIC_NAME" \
  -n raw-blob-created \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/${RAW_CONTAINER_NAME}/" \
  --max-events-per-batch 1 \
  --preferred-batch-size-in-kilobytes 64 \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --output none
echo "Event Grid subscription raw-blob-created delivers BlobCreated in ${RAW_CONTAINER_NAME}/ to ${BLOB_INTAKE_FUNCTION_NAME}."

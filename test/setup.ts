// n8n-core logs every failed node through winston; the tests assert those errors themselves.
process.env.N8N_LOG_LEVEL = 'silent';

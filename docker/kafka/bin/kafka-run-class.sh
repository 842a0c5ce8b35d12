#!/bin/bash
# kafka-run-class.sh MAIN-CLASS ARGS...: a Kafka tool on the broker's classpath (as the Kafka distribution's script)
exec java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${KAFKA_OPTS:-} -cp '/opt/kafka/libs/*' "$@"

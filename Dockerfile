# The Newshound image: one jar, every service (ingest, enrich, alerts, topics, sample-site) is a
# command of it. Built from this repository:  docker build -t newshound .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY events events
COPY testkit testkit
COPY broker broker
COPY ingest ingest
COPY enrich enrich
COPY alerts alerts
COPY app app
COPY bench/pom.xml bench/pom.xml
RUN ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl app -am

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /var/lib/newshound newshound \
    && mkdir -p /var/lib/newshound /etc/newshound && chown newshound /var/lib/newshound
COPY --from=build /src/app/target/newshound.jar /opt/newshound/newshound.jar
COPY --from=build /src/app/target/lib /opt/newshound/lib
COPY topics.yml /etc/newshound/topics.yml
USER newshound
WORKDIR /var/lib/newshound
EXPOSE 9404
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/opt/newshound/newshound.jar"]
CMD ["--help"]

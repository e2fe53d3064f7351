# syntax=docker/dockerfile:1
#
# Journal web app image.
#   docker compose up --build          (see docker-compose.yml: db + migrate + app)
#   docker run IMAGE migrate           applies EF migrations + seeds demo schools, exits
#   docker run IMAGE                   serves on port 8080
# Needs ConnectionStrings__Journal at run time.

# ---------- build ----------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1

# global.json is left out on purpose: it pins an exact SDK feature band that the
# sdk:10.0 image may not have. Build settings and analyser severities must come along
# (TreatWarningsAsErrors + .editorconfig decide what breaks the build).
COPY Directory.* .editorconfig ./

# Restore first, from the project files only, so that the layer is cached.
# Each src/<Name>/<Name>.csproj goes back to its own folder.
COPY src/*/*.csproj ./projects/
RUN for f in projects/*.csproj; do \
        name="$(basename "$f" .csproj)"; mkdir -p "src/$name"; mv "$f" "src/$name/"; \
    done \
 && rmdir projects \
 && dotnet restore src/Journal.Web/Journal.Web.csproj

COPY src/ src/
RUN dotnet publish src/Journal.Web/Journal.Web.csproj -c Release -o /app \
        --no-restore -p:UseAppHost=false

# ---------- runtime ----------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# PT Sans / PT Serif (free Paratype licence) for PDFs; the app embeds its own copies,
# the system ones help anything that asks fontconfig.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-paratype \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app ./

ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080

# Non-root user shipped with the official .NET images.
USER $APP_UID

ENTRYPOINT ["dotnet", "Journal.Web.dll"]

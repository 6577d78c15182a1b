# Builds the same `dotnet publish` that docs/deployment.md describes, then runs it on the ASP.NET runtime image.
# Not run in our CI (no Docker engine there); the publish step itself is what the README's commands build.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build restores apexcharts from npm (see MentorDashboard.csproj), so it needs Node and npm.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish MentorDashboard/MentorDashboard.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The SQLite database lives on a volume so it survives a new image.
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__MentorDashboard="Data Source=/data/mentordashboard.db"
VOLUME /data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "MentorDashboard.dll"]

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class MatchLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ClosureReasonId",
                table: "Matches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Matches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ClosureReasons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosureReasons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClosureReasons_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ChangedById = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchStatusChanges_AspNetUsers_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MatchStatusChanges_Matches_MatchId",
                        column: x => x.MatchId,
                        principalTable: "Matches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Matches_ClosureReasonId",
                table: "Matches",
                column: "ClosureReasonId");

            migrationBuilder.CreateIndex(
                name: "IX_ClosureReasons_ProgrammeId_Label",
                table: "ClosureReasons",
                columns: new[] { "ProgrammeId", "Label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchStatusChanges_ChangedById",
                table: "MatchStatusChanges",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_MatchStatusChanges_MatchId_EffectiveDate",
                table: "MatchStatusChanges",
                columns: new[] { "MatchId", "EffectiveDate" });

            // Closure reasons used to be free text. Each programme's distinct reasons of its closed matches become
            // its list, in alphabetical order, and the matches point at them; the text on the match stays as it
            // was. A programme with no closed match gets the default reasons when it first needs them.
            migrationBuilder.Sql(
                """
                INSERT INTO "ClosureReasons" ("ProgrammeId", "Label", "SortOrder", "IsRetired")
                SELECT "ProgrammeId", "Label", ROW_NUMBER() OVER (PARTITION BY "ProgrammeId" ORDER BY "Label"), 0
                FROM (
                    SELECT DISTINCT "ProgrammeId", trim("ClosureReason") AS "Label"
                    FROM "Matches"
                    WHERE "Status" = 'Closed' AND trim(coalesce("ClosureReason", '')) <> ''
                );
                """);
            migrationBuilder.Sql(
                """
                UPDATE "Matches"
                SET "ClosureReasonId" = (
                    SELECT r."Id" FROM "ClosureReasons" AS r
                    WHERE r."ProgrammeId" = "Matches"."ProgrammeId" AND r."Label" = trim("Matches"."ClosureReason"))
                WHERE "Status" = 'Closed' AND trim(coalesce("ClosureReason", '')) <> '';
                """);

            migrationBuilder.AddForeignKey(
                name: "FK_Matches_ClosureReasons_ClosureReasonId",
                table: "Matches",
                column: "ClosureReasonId",
                principalTable: "ClosureReasons",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Matches_ClosureReasons_ClosureReasonId",
                table: "Matches");

            migrationBuilder.DropTable(
                name: "ClosureReasons");

            migrationBuilder.DropTable(
                name: "MatchStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_Matches_ClosureReasonId",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "ClosureReasonId",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Matches");
        }
    }
}

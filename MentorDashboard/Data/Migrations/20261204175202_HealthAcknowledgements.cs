using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class HealthAcknowledgements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HealthAcknowledgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AcknowledgedById = table.Column<string>(type: "TEXT", nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthAcknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthAcknowledgements_AspNetUsers_AcknowledgedById",
                        column: x => x.AcknowledgedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HealthAcknowledgements_Matches_MatchId",
                        column: x => x.MatchId,
                        principalTable: "Matches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HealthAcknowledgements_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HealthAcknowledgements_AcknowledgedById",
                table: "HealthAcknowledgements",
                column: "AcknowledgedById");

            migrationBuilder.CreateIndex(
                name: "IX_HealthAcknowledgements_MatchId_AcknowledgedAtUtc",
                table: "HealthAcknowledgements",
                columns: new[] { "MatchId", "AcknowledgedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthAcknowledgements_ProgrammeId_AcknowledgedAtUtc",
                table: "HealthAcknowledgements",
                columns: new[] { "ProgrammeId", "AcknowledgedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HealthAcknowledgements");
        }
    }
}

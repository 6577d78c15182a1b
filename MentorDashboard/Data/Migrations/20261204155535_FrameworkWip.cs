using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class FrameworkWip : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Programmes_NetworkId",
                table: "Programmes");

            migrationBuilder.AddColumn<int>(
                name: "FrameworkVersionId",
                table: "Programmes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "Programmes",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IsRetired",
                table: "FrameworkItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ProgrammeId",
                table: "FrameworkItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAtUtc",
                table: "FrameworkItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FrameworkQuestionnaires",
                columns: table => new
                {
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkQuestionnaires", x => x.NetworkId);
                    table.ForeignKey(
                        name: "FK_FrameworkQuestionnaires_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FrameworkVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedById = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DocumentJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkVersion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrameworkVersion_AspNetUsers_PublishedById",
                        column: x => x.PublishedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FrameworkVersion_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeHiddenItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeHiddenItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeHiddenItem_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_FrameworkVersionId",
                table: "Programmes",
                column: "FrameworkVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_NetworkId_Key",
                table: "Programmes",
                columns: new[] { "NetworkId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkItems_ProgrammeId",
                table: "FrameworkItems",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkVersion_NetworkId_Number",
                table: "FrameworkVersion",
                columns: new[] { "NetworkId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkVersion_PublishedById",
                table: "FrameworkVersion",
                column: "PublishedById");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeHiddenItem_ProgrammeId_Key",
                table: "ProgrammeHiddenItem",
                columns: new[] { "ProgrammeId", "Key" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_FrameworkItems_Programmes_ProgrammeId",
                table: "FrameworkItems",
                column: "ProgrammeId",
                principalTable: "Programmes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Programmes_FrameworkVersion_FrameworkVersionId",
                table: "Programmes",
                column: "FrameworkVersionId",
                principalTable: "FrameworkVersion",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FrameworkItems_Programmes_ProgrammeId",
                table: "FrameworkItems");

            migrationBuilder.DropForeignKey(
                name: "FK_Programmes_FrameworkVersion_FrameworkVersionId",
                table: "Programmes");

            migrationBuilder.DropTable(
                name: "FrameworkQuestionnaires");

            migrationBuilder.DropTable(
                name: "FrameworkVersion");

            migrationBuilder.DropTable(
                name: "ProgrammeHiddenItem");

            migrationBuilder.DropIndex(
                name: "IX_Programmes_FrameworkVersionId",
                table: "Programmes");

            migrationBuilder.DropIndex(
                name: "IX_Programmes_NetworkId_Key",
                table: "Programmes");

            migrationBuilder.DropIndex(
                name: "IX_FrameworkItems_ProgrammeId",
                table: "FrameworkItems");

            migrationBuilder.DropColumn(
                name: "FrameworkVersionId",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "IsRetired",
                table: "FrameworkItems");

            migrationBuilder.DropColumn(
                name: "ProgrammeId",
                table: "FrameworkItems");

            migrationBuilder.DropColumn(
                name: "RetiredAtUtc",
                table: "FrameworkItems");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_NetworkId",
                table: "Programmes",
                column: "NetworkId");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentorDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuestionnaireAskedFrom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AskedFrom",
                table: "Questionnaires",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AskedFrom",
                table: "Questionnaires");
        }
    }
}

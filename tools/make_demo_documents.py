"""Write the demo corpus's PDF and Word files from the text kept in this script.

The demo corpus in sources/ is the fictional Harbourside District Council and its Environment and
Transport Committee. Its plain-text, Markdown and HTML documents are written by hand in sources/;
its PDF and Word documents are made here, so that their words can be reviewed in this file and the
files made again after a change:

    .venv/bin/python tools/make_demo_documents.py            # (re)write the files in sources/
    .venv/bin/python tools/make_demo_documents.py --check    # fail if a file differs from this script

Needs fpdf2 (a test extra: `pip install -e ".[test]"`) and python-docx. The output is the same bytes
on every run: fixed creation dates, fixed zip timestamps, and PDF core fonts (no system fonts).

Every name, place, figure and event in these documents is invented.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "sources"
AUTHOR = "Democratic Services, Harbourside District Council"
EMAIL = "democratic.services@harbourside-dc.example"

# --- Documents -------------------------------------------------------------------------------------
# Each document is a list of blocks: (kind, *text). PDF and Word share the kinds:
#   letterhead   a centred heading                    title     a centred bold heading
#   head         a minute or section heading          p         a paragraph
#   bold         a bold paragraph                     n         a numbered paragraph: label, text
#   nn           the same, one level deeper           fields    a table of label | value rows
#   gap          vertical space                       break     a new page
# and, in one format only: item (PDF), an "(Item 5)" marker under a minute heading; pair (PDF), two
# columns on one line, as agenda front sheets print date and contact; grid (Word), a table with a header row.


AGENDA_2024_09_12 = [
    ("letterhead", "HARBOURSIDE DISTRICT COUNCIL"),
    ("title", "AGENDA"),
    ("title", "ENVIRONMENT AND TRANSPORT COMMITTEE"),
    ("gap", 2),
    ("pair", "Thursday, 12th September, 2024, at 6.30 pm", "Ask for: Rebecca Stone"),
    ("pair", "Council Chamber, Harbourside Civic Centre,", "Telephone: 01632 960418"),
    ("pair", "Quay Street, Harbourside HS1 4QT", f"Email: {EMAIL}"),
    ("gap", 3),
    ("p", "Membership (10): Councillors M Okonkwo (Chair), D Fairweather (Vice-Chair), H Achterberg, "
          "T Brennan, L Hargreaves, G Lowe, A Patel, R Patel, S Reilly and J Whitcombe"),
    ("p", "Quorum: 3"),
    ("gap", 2),
    ("bold", "UNRESTRICTED ITEMS"),
    ("p", "(During these items the meeting is likely to be open to the public)"),
    ("n", "1.", "Apologies and Substitutes"),
    ("n", "2.", "Declarations of Interest"),
    ("n", "3.", "Minutes of the meetings held on 11 July 2024 and 8 August 2024 (Pages 1 - 12)"),
    ("n", "4.", "Public Participation"),
    ("n", "5.", "Air Quality Monitoring Update (Pages 13 - 20)"),
    ("n", "6.", "Bus Services on Harbour Road (Pages 21 - 26)"),
    ("n", "7.", "Riverside Cycle Path: Feasibility Study (Pages 27 - 46)"),
    ("n", "8.", "Street Tree Planting Programme 2024-25 (Pages 47 - 54)"),
    ("n", "9.", "Work Programme (Pages 55 - 58)"),
    ("n", "10.", "Date of Next Meeting"),
    ("gap", 2),
    ("bold", "EXEMPT ITEMS"),
    ("p", "(At the time of preparing the agenda there were no exempt items. During any such items which "
          "may arise the meeting is likely NOT to be open to the public)"),
    ("gap", 6),
    ("p", "Sarah Lindqvist"),
    ("p", "Head of Legal and Democratic Services"),
    ("p", "01632 960400"),
    ("p", "Wednesday, 4 September 2024"),
]

FEASIBILITY_REPORT_2024_09_12 = [
    ("letterhead", "HARBOURSIDE DISTRICT COUNCIL"),
    ("gap", 2),
    ("p", "From: Jonathan Mercer, Director of Place"),
    ("p", "To: Environment Committee – 12 September 2024"),
    ("p", "Subject: Riverside Cycle Path: Feasibility Study"),
    ("p", "Classification: Unrestricted"),
    ("p", "Wards affected: Riverside, Old Town and Eastbank"),
    ("p", "Key decision: No"),
    ("gap", 2),
    ("p", "Summary: Harbour Transport Consultants have assessed two possible routes for a cycle path between "
          "the town centre and Riverside Business Park. This report sets out their findings and proposes a "
          "public consultation on both routes."),
    ("gap", 2),
    ("bold", "Recommendation(s):"),
    ("p", "The Committee is asked to:"),
    ("n", "(a)", "NOTE the findings of the feasibility study; and"),
    ("n", "(b)", "AGREE that officers carry out a public consultation on route options A and B, and report the "
                 "results to the Committee in January 2025."),
    ("head", "1. Introduction"),
    ("n", "1.1", "The Council's Local Cycling and Walking Infrastructure Plan (2022) names a safe cycle link "
                 "between the town centre and Riverside Business Park as its first priority. About 1,900 people "
                 "work at the business park, and a third of them live within three miles of it."),
    ("n", "1.2", "In March 2024 the Council commissioned Harbour Transport Consultants to assess possible routes. "
                 "Their study was completed in July 2024."),
    ("head", "2. The route options"),
    ("n", "2.1", "Route A would follow the river embankment from Quay Street for 2.1 km. It is the most direct "
                 "and attractive route, but it needs works to the flood embankment, which the Environment "
                 "Agency would have to approve. Estimated cost: £1.9m."),
    ("n", "2.2", "Route B would follow Wharf Lane and the former Harbourside railway line for 2.4 km. Most of "
                 "the railway line is owned by the Council. Some parking on Wharf Lane would be lost. "
                 "Estimated cost: £1.4m."),
    ("n", "2.3", "The consultants found both routes feasible and recommend that the choice between them be "
                 "informed by public consultation."),
    ("head", "3. Next steps"),
    ("n", "3.1", "If the Committee agrees, a six-week consultation would run in October and November 2024, with "
                 "drop-in sessions at the Civic Centre and the business park. The results would be reported to "
                 "the Committee in January 2025."),
    ("head", "4. Financial implications"),
    ("n", "4.1", "The consultation will cost about £6,000, met from the transport policy budget. Funding for "
                 "construction would be sought from the Active Travel Fund and from developer contributions."),
    ("head", "5. Legal implications"),
    ("n", "5.1", "There are no legal implications arising from this report."),
    ("head", "6. Equalities implications"),
    ("n", "6.1", "An equality impact assessment will be carried out on the preferred route. The consultation "
                 "will offer printed and large-print materials on request."),
    ("head", "7. Background documents"),
    ("n", "7.1", "Riverside Cycle Path Feasibility Study, Harbour Transport Consultants, July 2024."),
    ("head", "8. Contact details"),
    ("p", "Report Author:"),
    ("p", "Martin Achebe"),
    ("p", "Transport Policy Manager"),
    ("p", "01632 960433"),
    ("p", "martin.achebe@harbourside-dc.example"),
    ("gap", 2),
    ("p", "Relevant Director:"),
    ("p", "Jonathan Mercer"),
    ("p", "Director of Place"),
]

VOTE_FOR_MOTION = "Cllr Achterberg, Cllr Fairweather, Cllr Okonkwo, Cllr A Patel, Cllr Pryce, Cllr Reilly"
VOTE_AGAINST_MOTION = "Cllr Brennan, Cllr Whitcombe"

MINUTES_2024_09_12 = [
    ("letterhead", "HARBOURSIDE DISTRICT COUNCIL"),
    ("letterhead", "ENVIRONMENT AND TRANSPORT COMMITTEE"),
    ("gap", 2),
    ("p", "MINUTES of a meeting of the Environment and Transport Committee held in the Council Chamber, "
          "Harbourside Civic Centre, Quay Street, Harbourside on Thursday, 12 September 2024."),
    ("p", "PRESENT: Cllr M Okonkwo (Chair), Cllr D Fairweather (Vice-Chair), Cllr H Achterberg, Cllr T Brennan, "
          "Cllr G Lowe, Cllr A Patel, Cllr R Patel, Cllr S Reilly, Cllr J Whitcombe and Cllr O Pryce "
          "(substitute for Cllr L Hargreaves)"),
    ("p", "ALSO PRESENT: Cllr S Marchetti"),
    ("p", "IN ATTENDANCE: Mr J Mercer (Director of Place), Ms C Donnelly (Head of Environmental Health), "
          "Mr M Achebe (Transport Policy Manager) and Ms R Stone (Democratic Services Officer)"),
    ("bold", "UNRESTRICTED ITEMS"),
    ("head", "12. Apologies and Substitutes"),
    ("item", "(Item 1)"),
    ("p", "Apologies for absence were received from Cllr Lucy Hargreaves. Cllr Owen Pryce attended as "
          "substitute."),
    ("p", "An apology for lateness was received from Cllr Ravi Patel."),
    ("head", "13. Declarations of Interest"),
    ("item", "(Item 2)"),
    ("n", "(1)", "Cllr Lowe declared a pecuniary interest in item 7 (Riverside Cycle Path: Feasibility Study) as "
                 "the owner of a property on Wharf Lane, which adjoins route option B. He left the Chamber "
                 "during that item and took no part in the discussion or vote."),
    ("n", "(2)", "Cllr Reilly declared an other registrable interest in item 7 as a member of the committee of "
                 "Harbourside Cycle Campaign. She remained in the meeting."),
    ("head", "14. Minutes of the meetings held on 11 July 2024 and 8 August 2024"),
    ("item", "(Item 3)"),
    ("p", "RESOLVED that the minutes of the meetings held on 11 July 2024 and 8 August 2024 be approved as "
          "correct records."),
    ("head", "15. Public Participation"),
    ("item", "(Item 4)"),
    ("p", "Two questions about the Riverside cycle path had been received from members of the public. The "
          "Chair agreed that they be answered during item 7."),
    ("head", "16. Air Quality Monitoring Update"),
    ("item", "(Item 5)"),
    ("p", "Ms Donnelly, Head of Environmental Health, introduced the quarterly report on nitrogen dioxide "
          "monitoring for April to June 2024. All but one of the Council's 24 diffusion tube sites were within "
          "the annual mean objective of 40 µg/m³; the exception was Harbour Road (site HR3), at 43 µg/m³."),
    ("p", "Cllr R Patel arrived at 6.45 pm, during consideration of this item."),
    ("p", "Members noted that residents of Station Approach had raised concerns about idling taxis and buses, "
          "and that there was no monitoring site there."),
    ("p", "RESOLVED that:"),
    ("n", "(a)", "the update be noted; and"),
    ("n", "(b)", "officers report back to the next meeting on options for extending the monitoring network to "
                 "Station Approach."),
    ("head", "17. Bus Services on Harbour Road"),
    ("item", "(Item 6)"),
    ("p", "Mr Achebe, Transport Policy Manager, reported that Harbourline Buses had withdrawn all journeys after "
          "7 pm on route 7 (Northcliffe – Harbour Road – Station Approach) from 1 September 2024. The company "
          "had given the statutory notice but had not discussed alternatives with the Council."),
    ("p", "Cllr A Patel said that residents of Harbour ward who worked evening shifts at the hospital were now "
          "without a bus home. Members agreed that the Committee should make its concerns known to the "
          "operator."),
    ("p", "RESOLVED:"),
    ("n", "(1)", "That the report be noted."),
    ("n", "(2)", "That, arising from (1):"),
    ("nn", "(a)", "a letter be sent from the Chair to the Managing Director of Harbourline Buses asking the "
                  "company to reinstate evening journeys on route 7 and to consult the Council before making "
                  "further changes to services in the district; and"),
    ("nn", "(b)", "officers report back to the next meeting on the operator's response."),
    ("head", "18. Riverside Cycle Path: Feasibility Study"),
    ("item", "(Item 7)"),
    ("n", "(1)", "Cllr Lowe, having declared a pecuniary interest, left the Chamber for this item."),
    ("n", "(2)", "Mr Achebe introduced the feasibility study by Harbour Transport Consultants. Route A would "
                 "follow the river embankment for 2.1 km at an estimated cost of £1.9m; Route B would follow "
                 "Wharf Lane and the former railway line for 2.4 km at an estimated cost of £1.4m. He answered "
                 "the two questions from members of the public, about parking on Wharf Lane and lighting on the "
                 "former railway line."),
    ("n", "(3)", "Cllr Marchetti, ward member for Riverside, spoke in support of a consultation on both routes."),
    ("n", "(4)", "Cllr Fairweather proposed, and Cllr Reilly seconded the motion that:"),
    ("nn", "", "“Officers carry out a public consultation on route options A and B for the Riverside cycle path "
               "and report the results to the Committee in January 2025.”"),
    ("n", "(5)", "Cllr Brennan proposed, and Cllr Whitcombe seconded the following amendment:"),
    ("nn", "", "“That consideration of the Riverside cycle path be deferred until the Council's budget for "
               "2025/26 has been set.”"),
    ("n", "(6)", "The Chair put the amendment set out in paragraph 5 to the vote and the voting was as follows:"),
    ("nn", "", "For (2)"),
    ("nn", "", VOTE_AGAINST_MOTION),
    ("nn", "", "Against (6)"),
    ("nn", "", VOTE_FOR_MOTION),
    ("nn", "", "Abstain (1)"),
    ("nn", "", "Cllr R Patel"),
    ("nn", "", "Amendment lost."),
    ("n", "(7)", "The Chair put the motion set out in paragraph 4 to the vote and the voting was as follows:"),
    ("nn", "", "For (6)"),
    ("nn", "", VOTE_FOR_MOTION),
    ("nn", "", "Against (2)"),
    ("nn", "", VOTE_AGAINST_MOTION),
    ("nn", "", "Abstain (1)"),
    ("nn", "", "Cllr R Patel"),
    ("nn", "", "Motion carried."),
    ("n", "(8)", "RESOLVED that officers carry out a public consultation on route options A and B for the "
                 "Riverside cycle path and report the results to the Committee in January 2025."),
    ("n", "(9)", "Cllr Lowe returned to the Chamber."),
    ("head", "19. Street Tree Planting Programme 2024-25"),
    ("item", "(Item 8)"),
    ("p", "Mr Mercer, Director of Place, introduced the programme, which would plant 180 trees in streets with "
          "the least canopy cover, funded by the Urban Tree Challenge Fund and the Council's climate budget."),
    ("p", "RESOLVED that the planting of 180 street trees in the 2024-25 planting season, at the locations "
          "listed in Appendix 1 to the report, be approved."),
    ("head", "20. Work Programme"),
    ("item", "(Item 9)"),
    ("p", "RESOLVED that the work programme be noted, with the addition of a report on electric vehicle charging "
          "in council car parks for the meeting in March 2025."),
    ("head", "21. Date of Next Meeting"),
    ("item", "(Item 10)"),
    ("p", "RESOLVED that the next meeting be held on Thursday 14 November 2024 at 6.30 pm."),
    ("gap", 4),
    ("p", "The meeting closed at 8.20 pm."),
]

AIR_QUALITY_REPORT_2024_11_14 = [
    ("letterhead", "Harbourside District Council"),
    ("title", "Environment and Transport Committee"),
    ("fields", [
        ("Report to", "Environment and Transport Committee"),
        ("Date of meeting", "14 November 2024"),
        ("Report of", "Head of Environmental Health"),
        ("Title", "Air Quality Monitoring Update"),
        ("Wards affected", "All"),
        ("Key decision", "No"),
        ("Open or exempt", "Open"),
        ("Appendices", "1 (Appendix 1: Diffusion tube results, July to September 2024)"),
        ("Contact officer", "Claire Donnelly, Head of Environmental Health, 01632 960427, "
                            "claire.donnelly@harbourside-dc.example"),
    ]),
    ("head", "1.\tPurpose of the report"),
    ("n", "1.1", "To update the Committee on air quality monitoring for July to September 2024, and to answer "
                 "the Committee's request of 12 September 2024 (minute 16) for options to extend monitoring to "
                 "Station Approach."),
    ("head", "2.\tRecommendations"),
    ("n", "2.1", "That the Committee notes the monitoring results for July to September 2024."),
    ("n", "2.2", "That the Committee approves the installation of three additional diffusion tubes at Station "
                 "Approach from December 2024, at an annual cost of £900 met from the existing environmental "
                 "monitoring budget."),
    ("head", "3.\tMonitoring results"),
    ("n", "3.1", "The Council measures nitrogen dioxide with diffusion tubes at 24 sites, changed every month "
                 "and analysed by an accredited laboratory. The results for July to September 2024 are in "
                 "Appendix 1."),
    ("n", "3.2", "Concentrations fell slightly at 19 of the 24 sites compared with the same months of 2023."),
    ("n", "3.3", "The Harbour Road site (HR3) remains above the annual mean objective of 40 µg/m³, at "
                 "41 µg/m³ for the period."),
    ("head", "4.\tMonitoring at Station Approach"),
    ("n", "4.1", "Three options were considered: (a) three diffusion tubes, at £900 a year; (b) a real-time "
                 "analyser, at about £15,000 a year; (c) no additional monitoring."),
    ("n", "4.2", "Officers recommend option (a). Diffusion tubes will show within a year whether "
                 "concentrations at Station Approach approach the objective and a real-time analyser is needed."),
    ("head", "5.\tFinancial implications"),
    ("n", "5.1", "The cost of option (a) can be met from the existing environmental monitoring budget."),
    ("head", "6.\tLegal implications"),
    ("n", "6.1", "Part IV of the Environment Act 1995 requires the Council to review and assess air quality in "
                 "its district and to report annually to the Department for Environment, Food and Rural Affairs."),
    ("head", "7.\tEquality implications"),
    ("n", "7.1", "None arising from this report."),
    ("head", "8.\tBackground papers"),
    ("n", "8.1", "None."),
    ("break",),
    ("title", "Appendix 1: Diffusion tube results, July to September 2024"),
    ("p", "Nitrogen dioxide, µg/m³, bias adjusted. Selected sites."),
    ("grid", [
        ("Site", "Location", "Jul", "Aug", "Sep", "Mean"),
        ("HR1", "Harbour Road (east)", "34", "31", "36", "34"),
        ("HR2", "Harbour Road (centre)", "38", "35", "40", "38"),
        ("HR3", "Harbour Road (west)", "42", "38", "44", "41"),
        ("QS1", "Quay Street", "29", "27", "31", "29"),
        ("NC1", "Northcliffe Road", "22", "20", "24", "22"),
    ]),
]

AGENDA_2025_03_13 = [
    ("letterhead", "HARBOURSIDE DISTRICT COUNCIL"),
    ("title", "AGENDA"),
    ("title", "ENVIRONMENT AND TRANSPORT COMMITTEE"),
    ("gap", 2),
    ("pair", "Thursday, 13th March, 2025, at 6.30 pm", "Ask for: Rebecca Stone"),
    ("pair", "Council Chamber, Harbourside Civic Centre,", "Telephone: 01632 960418"),
    ("pair", "Quay Street, Harbourside HS1 4QT", f"Email: {EMAIL}"),
    ("gap", 3),
    ("p", "Membership (10): Councillors M Okonkwo (Chair), D Fairweather (Vice-Chair), H Achterberg, "
          "T Brennan, L Hargreaves, G Lowe, A Patel, R Patel, S Reilly and J Whitcombe"),
    ("p", "Quorum: 3"),
    ("gap", 2),
    ("bold", "UNRESTRICTED ITEMS"),
    ("p", "(During these items the meeting is likely to be open to the public)"),
    ("n", "1.", "Apologies and Substitutes"),
    ("n", "2.", "Declarations of Interest"),
    ("n", "3.", "Minutes of the meeting held on 16 January 2025 (Pages 1 - 6)"),
    ("n", "4.", "Public Participation"),
    ("n", "5.", "Air Quality Monitoring Update (Pages 7 - 14)"),
    ("n", "6.", "HDC/2025/004 - Riverside Cycle Path: Preferred Route and Funding (Pages 15 - 36)"),
    ("n", "7.", "Electric Vehicle Charging in Council Car Parks (Pages 37 - 44)"),
    ("n", "8.", "Work Programme (Pages 45 - 48)"),
    ("n", "9.", "Date of Next Meeting"),
    ("n", "10.", "Motion to Exclude the Press and Public"),
    ("nn", "", "That under Section 100A(4) of the Local Government Act 1972 the public be excluded from the "
               "meeting for the following item of business on the grounds that it involves the likely "
               "disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A of the Act."),
    ("gap", 2),
    ("bold", "EXEMPT ITEMS"),
    ("p", "(During these items the meeting is likely NOT to be open to the public)"),
    ("n", "11.", "Wharf Lane Depot: Lease Renewal (Pages 49 - 56)"),
    ("gap", 6),
    ("p", "Sarah Lindqvist"),
    ("p", "Head of Legal and Democratic Services"),
    ("p", "01632 960400"),
    ("p", "Wednesday, 5 March 2025"),
]

CYCLE_PATH_REPORT_2025_03_13 = [
    ("letterhead", "Harbourside District Council"),
    ("title", "Environment and Transport Committee"),
    ("title", "13 March 2025"),
    ("gap", 2),
    ("bold", "Report from the Director of Place"),
    ("p", "Report to the Environment and Transport Committee on 13 March 2025"),
    ("gap", 1),
    ("title", "Riverside Cycle Path: Preferred Route and Funding"),
    ("gap", 1),
    ("fields", [
        ("Decision No:", "HDC/2025/004"),
        ("Wards Affected:", "Riverside; Old Town; Eastbank"),
        ("Key or Non-Key Decision:", "Key"),
        ("Open or Part/Fully Exempt: (If exempt, please highlight relevant paragraph of Part 1, Schedule 12A "
         "of 1972 Local Government Act)", "Open"),
        ("No. of Appendices:", "2 (Appendix A: Consultation Report; Appendix B: Plan of Route B)"),
        ("Background Papers:", "Riverside Cycle Path Feasibility Study, Harbour Transport Consultants, July 2024"),
        ("Contact Officer(s): (Name, Title, Contact Details)",
         "Martin Achebe, Transport Policy Manager, Tel: 01632 960433, martin.achebe@harbourside-dc.example"),
    ]),
    ("head", "1.0 Purpose of the Report"),
    ("n", "1.1", "This report seeks approval of Route B as the preferred route for the Riverside cycle path, and "
                 "of the funding and procurement arrangements needed to build it."),
    ("head", "2.0 Recommendation(s)"),
    ("n", "2.1", "That Route B (Wharf Lane and the former railway line) be approved as the preferred route for "
                 "the Riverside cycle path."),
    ("n", "2.2", "That the Director of Place be authorised to submit a bid of £1.1m to the Active Travel Fund."),
    ("n", "2.3", "That the Director of Place be authorised, in consultation with the Chair, to procure the "
                 "detailed design and construction of Route B within the budget of £1.4m set out in "
                 "paragraph 6.2."),
    ("n", "2.4", "That officers report progress to the Committee in September 2025."),
    ("head", "3.0 Background"),
    ("n", "3.1", "On 12 September 2024 the Committee considered a feasibility study of two route options and "
                 "agreed that officers carry out a public consultation on both (minute 18)."),
    ("n", "3.2", "On 16 January 2025 the Committee considered the results of the consultation and agreed that "
                 "Route B be taken forward to detailed design, with a report on the preferred route and its "
                 "funding to this meeting (minute 37)."),
    ("head", "4.0 Consultation"),
    ("n", "4.1", "The consultation ran from 14 October to 24 November 2024 and received 612 responses: 58% "
                 "preferred Route B, 31% Route A and 11% neither. The consultation report is Appendix A."),
    ("n", "4.2", "Residents of Wharf Lane asked that parking on the north side of the lane be kept. The design "
                 "in Appendix B keeps 14 of the 16 spaces."),
    ("head", "5.0 Detail"),
    ("n", "5.1", "Route B runs for 2.4 km from Quay Street along Wharf Lane and the former Harbourside railway "
                 "line to Riverside Business Park. It would be a lit, step-free shared path 3 m wide."),
    ("n", "5.2", "Works on Wharf Lane need the agreement of the county council as highway authority; officers "
                 "have begun discussions. Construction would take about nine months, starting in January 2026 "
                 "if the bid succeeds."),
    ("head", "6.0 Financial Implications"),
    ("n", "6.1", "The estimated cost of Route B is £1.4m, including a contingency of 15%."),
    ("n", "6.2", "It would be funded by £1.1m from the Active Travel Fund, if the bid succeeds, and £0.3m from "
                 "developer contributions held under section 106 agreements for Riverside Business Park. No call "
                 "on the Council's general fund is proposed."),
    ("head", "7.0 Legal Implications"),
    ("n", "7.1", "Most of the former railway line is owned by the Council. Procurement will follow the Council's "
                 "Contract Procedure Rules."),
    ("head", "8.0 Equality Implications"),
    ("n", "8.1", "An equality impact assessment found that a lit, step-free route would particularly benefit "
                 "disabled people, older residents and people without a car."),
    ("gap", 4),
    ("p", "Report sign off:"),
    ("p", "Jonathan Mercer"),
    ("p", "Director of Place"),
]

DECISION_HDC_2025_004 = [
    ("letterhead", "HARBOURSIDE DISTRICT COUNCIL – RECORD OF DECISION"),
    ("gap", 2),
    ("bold", "DECISION TAKEN BY:"),
    ("p", "Environment and Transport Committee"),
    ("bold", "DECISION NO:"),
    ("p", "HDC/2025/004"),
    ("bold", "DATE OF DECISION:"),
    ("p", "13 March 2025"),
    ("p", "For publication"),
    ("p", "Key decision: Yes"),
    ("gap", 2),
    ("bold", "Subject Matter / Title of Decision"),
    ("p", "Riverside Cycle Path: Preferred Route and Funding"),
    ("gap", 2),
    ("bold", "Decision:"),
    ("p", "The Environment and Transport Committee:"),
    ("n", "(1)", "approved Route B (Wharf Lane and the former railway line) as the preferred route for the "
                 "Riverside cycle path;"),
    ("n", "(2)", "authorised the Director of Place:"),
    ("nn", "(a)", "to submit a bid of £1.1m to the Active Travel Fund; and"),
    ("nn", "(b)", "in consultation with the Chair, to procure the detailed design and construction of Route B "
                  "within the budget of £1.4m set out in paragraph 6.2 of the report; and"),
    ("n", "(3)", "asked officers to report progress to the Committee in September 2025."),
    ("gap", 2),
    ("bold", "Reason(s) for decision:"),
    ("p", "Route B was preferred by 58% of the 612 people who responded to the public consultation, costs "
          "£0.5m less than Route A and needs no works to the flood embankment."),
    ("bold", "Any alternatives considered and rejected:"),
    ("p", "Route A (the river embankment) was rejected because of its cost and the Environment Agency's concerns "
          "about works to the flood embankment. Doing nothing would leave the town centre without a safe cycle "
          "link to Riverside Business Park."),
    ("bold", "Any interest declared when the decision was taken and any dispensation granted:"),
    ("p", "Cllr G Lowe declared a pecuniary interest (he owns a property on Wharf Lane) and left the meeting "
          "for this item. No dispensation was granted."),
    ("bold", "Call-in:"),
    ("p", "This decision may be called in by any three members of the Council by 5 pm on Thursday "
          "20 March 2025. If it is not called in, it may be implemented from Friday 21 March 2025."),
    ("gap", 4),
    ("p", "Signed: Rebecca Stone, Democratic Services Officer"),
    ("p", "Date of publication: 14 March 2025"),
]

MINUTES_2025_03_13 = [
    ("letterhead", "HARBOURSIDE DISTRICT COUNCIL"),
    ("letterhead", "ENVIRONMENT AND TRANSPORT COMMITTEE"),
    ("p", "Minutes of the meeting of the Environment and Transport Committee held on Thursday 13 March 2025 at "
          "6.30 pm in the Council Chamber, Harbourside Civic Centre, Quay Street, Harbourside"),
    ("fields", [
        ("Present:", "Cllr. M. Okonkwo (Chair), Cllr. H. Achterberg, Cllr. T. Brennan, Cllr. G. Lowe, "
                     "Cllr. A. Patel, Cllr. R. Patel, Cllr. S. Reilly, Cllr. J. Whitcombe and Cllr. O. Pryce "
                     "(substitute for Cllr. D. Fairweather)"),
        ("Also present:", "Cllr. S. Marchetti (Riverside Ward Member)"),
        ("Officers in attendance:", "J. Mercer (Director of Place), C. Donnelly (Head of Environmental Health), "
                                    "M. Achebe (Transport Policy Manager), P. Nandakumar (Senior Solicitor) and "
                                    "R. Stone (Democratic Services Officer)"),
    ]),
    ("bold", "PART 1 – PUBLIC ITEMS"),
    ("head", "41.\tApologies and Substitutes"),
    ("p", "Apologies for absence were received from Cllr. D. Fairweather (Vice-Chair), who was substituted by "
          "Cllr. O. Pryce, and from Cllr. L. Hargreaves, with no substitute."),
    ("head", "42.\tDeclarations of Interest"),
    ("p", "Cllr. G. Lowe declared a pecuniary interest in agenda item 6 (HDC/2025/004 – Riverside Cycle Path: "
          "Preferred Route and Funding) as the owner of a property on Wharf Lane, and left the meeting during "
          "that item."),
    ("p", "Cllr. S. Reilly declared an other registrable interest in agenda item 6 as a member of the committee "
          "of Harbourside Cycle Campaign, and remained in the meeting."),
    ("head", "43.\tMinutes of the Previous Meeting"),
    ("p", "RESOLVED that the minutes of the meeting held on 16 January 2025 be approved as a correct record and "
          "signed by the Chair."),
    ("head", "44.\tPublic Participation"),
    ("p", "Mr Colin Ashdown, on behalf of the Wharf Lane Residents' Association, asked that the detailed design "
          "of Route B keep resident parking on the north side of Wharf Lane. The Transport Policy Manager "
          "undertook to meet the Association during the detailed design."),
    ("head", "45.\tAir Quality Monitoring Update"),
    ("p", "The Head of Environmental Health reported that the three diffusion tubes installed at Station "
          "Approach in December 2024 had recorded 36 µg/m³ in January 2025. The Harbour Road site (HR3) "
          "remained above the annual mean objective, and a draft Air Quality Action Plan for Harbour Road had "
          "been prepared."),
    ("p", "RESOLVED:"),
    ("n", "(1)", "That the update be noted."),
    ("n", "(2)", "That the draft Harbour Road Air Quality Action Plan be published for public consultation for "
                 "eight weeks from 1 April 2025."),
    ("head", "46.\tHDC/2025/004 – Riverside Cycle Path: Preferred Route and Funding"),
    ("p", "Having declared a pecuniary interest, Cllr. Lowe left the meeting for this item."),
    ("p", "The Committee considered the report of the Director of Place (decision HDC/2025/004) seeking approval "
          "of Route B as the preferred route for the Riverside cycle path, and of its funding. Members recalled "
          "that on 16 January 2025 (minute 37) the Committee had agreed that Route B be taken forward to detailed "
          "design."),
    ("p", "The Transport Policy Manager reported that the bid to the Active Travel Fund had to be submitted by "
          "30 April 2025, and that the design kept 14 of the 16 parking spaces on Wharf Lane."),
    ("p", "Cllr. Brennan said that he could not support spending on the path while the Council faced a budget "
          "gap, and asked that his vote against the decision be recorded."),
    ("p", "RESOLVED:"),
    ("n", "(1)", "That Route B (Wharf Lane and the former railway line) be approved as the preferred route for "
                 "the Riverside cycle path."),
    ("n", "(2)", "That the Director of Place be authorised:"),
    ("nn", "(a)", "to submit a bid of £1.1m to the Active Travel Fund; and"),
    ("nn", "(b)", "in consultation with the Chair, to procure the detailed design and construction of Route B "
                  "within the budget of £1.4m set out in paragraph 6.2 of the report."),
    ("n", "(3)", "That officers report progress to the Committee in September 2025."),
    ("head", "47.\tElectric Vehicle Charging in Council Car Parks"),
    ("p", "The Director of Place introduced the report, which proposed 24 charge points in the Quay Street and "
          "Station Approach car parks under the Local Electric Vehicle Infrastructure programme, to be installed "
          "and run by a concessionaire at no capital cost to the Council."),
    ("p", "Cllr. A. Patel asked that at least two bays be accessible to disabled drivers; the Director agreed."),
    ("p", "RESOLVED that the installation of 24 electric vehicle charge points in the Quay Street and Station "
          "Approach car parks be approved, with at least two accessible bays, and that the Director of Place be "
          "authorised to award a 15-year concession contract."),
    ("head", "48.\tWork Programme"),
    ("p", "RESOLVED that the work programme be noted."),
    ("head", "49.\tDate of Next Meeting"),
    ("p", "RESOLVED that the next meeting be held on Thursday 15 May 2025 at 6.30 pm."),
    ("head", "50.\tExclusion of the Press and Public"),
    ("p", "RESOLVED that under Section 100A(4) of the Local Government Act 1972 the public be excluded from the "
          "meeting for the following item of business on the grounds that it involves the likely disclosure of "
          "exempt information as defined in paragraph 3 of Part 1 of Schedule 12A of the Act."),
    ("break",),
    ("bold", "PART 2 – EXEMPT ITEMS (NOT FOR PUBLICATION)"),
    ("head", "51.\tWharf Lane Depot: Lease Renewal"),
    ("p", "CONFIDENTIAL-DEMO-TEXT. The Committee considered the exempt report of the Director of Place on the "
          "terms offered by the tenant of the Wharf Lane depot for a ten-year renewal of its lease. "
          "This minute stands for exempt information and must never appear on the published site."),
    ("p", "RESOLVED that the lease of the Wharf Lane depot be renewed on the terms set out in the exempt report "
          "(CONFIDENTIAL-DEMO-TEXT)."),
    ("gap", 4),
    ("p", "The meeting closed at 8.40 pm."),
    ("gap", 4),
    ("p", "Chair .................................................    Date ....................."),
]

# (file name, format, blocks, title, subject, date the file was made)
DOCUMENTS = [
    ("2024-09-12_environment-and-transport_agenda.pdf", "pdf", AGENDA_2024_09_12,
     "Agenda: Environment and Transport Committee, 12 September 2024", "Agenda", dt.datetime(2024, 9, 4, 10, 0)),
    ("2024-09-12_environment-and-transport_report_riverside-cycle-path-feasibility-study.pdf", "pdf",
     FEASIBILITY_REPORT_2024_09_12, "Riverside Cycle Path: Feasibility Study", "Report",
     dt.datetime(2024, 9, 3, 15, 30)),
    ("2024-09-12_environment-and-transport_printed-minutes.pdf", "pdf", MINUTES_2024_09_12,
     "Printed minutes: Environment and Transport Committee, 12 September 2024", "Minutes",
     dt.datetime(2024, 11, 15, 9, 0)),
    ("2024-11-14_environment-and-transport_report_air-quality-monitoring-update.docx", "docx",
     AIR_QUALITY_REPORT_2024_11_14, "Air Quality Monitoring Update", "Report", dt.datetime(2024, 11, 5, 11, 0)),
    ("2025-03-13_environment-and-transport_agenda.pdf", "pdf", AGENDA_2025_03_13,
     "Agenda: Environment and Transport Committee, 13 March 2025", "Agenda", dt.datetime(2025, 3, 5, 10, 0)),
    ("2025-03-13_environment-and-transport_report_hdc-2025-004_riverside-cycle-path.pdf", "pdf",
     CYCLE_PATH_REPORT_2025_03_13, "Riverside Cycle Path: Preferred Route and Funding", "Report",
     dt.datetime(2025, 3, 4, 16, 0)),
    ("2025-03-13_environment-and-transport_record-of-decision_hdc-2025-004.pdf", "pdf", DECISION_HDC_2025_004,
     "Record of decision HDC/2025/004", "Decision", dt.datetime(2025, 3, 14, 12, 0)),
    ("2025-03-13_environment-and-transport_minutes.docx", "docx", MINUTES_2025_03_13,
     "Minutes: Environment and Transport Committee, 13 March 2025", "Minutes", dt.datetime(2025, 3, 20, 14, 0)),
]


# --- PDF -------------------------------------------------------------------------------------------

LINE = 5.2  # mm per line of 10.5 pt text


def pdf_bytes(blocks: list[tuple], title: str, subject: str, made: dt.datetime) -> bytes:
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    class Sheet(FPDF):
        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("helvetica", size=9)
            self.cell(0, 5, str(self.page_no()), align="C")

    pdf = Sheet(format="A4")
    pdf.core_fonts_encoding = "windows-1252"  # curly quotes, dashes, £ and µ in the core fonts
    pdf.set_creation_date(made.replace(tzinfo=dt.UTC))
    pdf.set_title(title)
    pdf.set_subject(subject)
    pdf.set_author(AUTHOR)
    pdf.set_creator("tools/make_demo_documents.py")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def font(style: str = "", size: float = 10.5) -> None:
        pdf.set_font("helvetica", style=style, size=size)

    def paragraph(text: str, style: str = "", indent: float = 0, label: str = "", label_width: float = 0) -> None:
        font(style)
        x = pdf.l_margin + indent
        pdf.set_x(x)
        if label_width:
            pdf.cell(label_width, LINE, label)
        pdf.multi_cell(width - indent - label_width, LINE, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.6)

    for kind, *args in blocks:
        if kind == "letterhead":
            font("B", 13)
            pdf.multi_cell(width, 7, args[0], align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif kind == "title":
            font("B", 12)
            pdf.multi_cell(width, 6.5, args[0], align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif kind == "head":
            pdf.ln(2)
            paragraph(args[0].replace("\t", " "), "B")
        elif kind == "item":
            pdf.set_y(pdf.get_y() - 1.6)
            paragraph(args[0])
        elif kind == "p":
            paragraph(args[0])
        elif kind == "bold":
            paragraph(args[0], "B")
        elif kind == "n":
            label, text = args
            paragraph(text, label=label, label_width=10 if len(label) < 4 else 12)
        elif kind == "nn":
            label, text = args
            paragraph(text, indent=10, label=label, label_width=10 if label else 0)
        elif kind == "pair":
            font()
            pdf.cell(width * 0.58, LINE, args[0])
            pdf.cell(width * 0.42, LINE, args[1], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif kind == "fields":
            font(size=10)
            with pdf.table(col_widths=(38, 62), text_align="LEFT", line_height=5, padding=1.5,
                           first_row_as_headings=False) as table:
                for row in args[0]:
                    cells = table.row()
                    for cell in row:
                        cells.cell(cell)
            pdf.ln(3)
        elif kind == "gap":
            pdf.ln(args[0])
        elif kind == "break":
            pdf.add_page()
        else:
            raise ValueError(f"no PDF layout for block kind {kind!r}")
    return bytes(pdf.output())


# --- Word ------------------------------------------------------------------------------------------


def docx_bytes(blocks: list[tuple], title: str, subject: str, made: dt.datetime) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    properties = document.core_properties
    properties.title, properties.subject, properties.author = title, subject, AUTHOR
    properties.last_modified_by = AUTHOR
    properties.created = properties.modified = made
    properties.revision = 1
    properties.comments = ""
    properties.keywords = ""

    def paragraph(text: str, bold: bool = False, align=None, indent: float = 0, hanging: float = 0, size=None):
        para = document.add_paragraph()
        run = para.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if align is not None:
            para.alignment = align
        if indent or hanging:
            para.paragraph_format.left_indent = Cm(indent + hanging)
            para.paragraph_format.first_line_indent = Cm(-hanging) if hanging else None
            if hanging:
                para.paragraph_format.tab_stops.add_tab_stop(Cm(indent + hanging))
        return para

    def table(rows: list[tuple], header: bool) -> None:
        grid = document.add_table(rows=0, cols=len(rows[0]))
        grid.style = "Table Grid"
        for number, row in enumerate(rows):
            cells = grid.add_row().cells
            for cell, text in zip(cells, row, strict=False):
                cell.text = text
                if (header and number == 0) or (not header and cell is cells[0]):
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        document.add_paragraph()

    for kind, *args in blocks:
        if kind == "letterhead":
            paragraph(args[0], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=13)
        elif kind == "title":
            paragraph(args[0], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=12)
        elif kind == "head":
            para = paragraph(args[0], bold=True, hanging=1.25)
            para.paragraph_format.space_before = Pt(10)
            para.paragraph_format.keep_with_next = True
        elif kind == "p":
            paragraph(args[0])
        elif kind == "bold":
            paragraph(args[0], bold=True)
        elif kind == "n":
            paragraph(f"{args[0]}\t{args[1]}", hanging=1.25)
        elif kind == "nn":
            paragraph(f"{args[0]}\t{args[1]}" if args[0] else args[1], indent=1.25, hanging=1.25 if args[0] else 0)
        elif kind == "fields":
            table(args[0], header=False)
        elif kind == "grid":
            table(args[0], header=True)
        elif kind == "break":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "gap":
            document.add_paragraph()
        else:
            raise ValueError(f"no Word layout for block kind {kind!r}")
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue(), made)


def _fixed_zip(data: bytes, made: dt.datetime) -> bytes:
    """The same package with every member stamped `made`, so that the bytes do not depend on the clock."""
    stamp = made.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


# --- Command line ----------------------------------------------------------------------------------


def made_files() -> dict[str, bytes]:
    writers = {"pdf": pdf_bytes, "docx": docx_bytes}
    return {name: writers[kind](blocks, title, subject, made)
            for name, kind, blocks, title, subject, made in DOCUMENTS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that sources/ holds these exact files")
    parser.add_argument("--sources", type=Path, default=SOURCES, help="folder to write to (default: sources/)")
    options = parser.parse_args(argv)
    stale = []
    for name, data in made_files().items():
        path = options.sources / name
        if options.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path} ({len(data):,} bytes)")
    if stale:
        print("out of date (run tools/make_demo_documents.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

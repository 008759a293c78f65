-- wrk script: POST /v1/claims:verify against one source the server has indexed,
-- cycling through claims that the source supports, contradicts, or does not state.
-- SOURCE_URL names the source.

local source = os.getenv("SOURCE_URL") or "http://127.0.0.1:8000/source.html"

local claims = {
  "En 2024, 17 % des salariés ont pris les transports en commun pour aller travailler.",
  "Le réseau régional compte 320 gares desservies chaque jour.",
  "Le réseau régional compte 410 gares.",
  "71 % des actifs utilisent leur voiture pour aller travailler.",
  "La durée moyenne d'un trajet domicile-travail atteint 34 minutes dans les grandes agglomérations.",
  "Le télétravail concerne 35 % des salariés.",
  "La région a investi 2,3 milliards d'euros dans le ferroviaire entre 2020 et 2024.",
  "Les lignes de car express ont transporté 8,5 millions de voyageurs en 2024.",
  "Le prix moyen d'un abonnement mensuel s'élève à 62 euros.",
  "Le nombre de bornes de recharge atteint 5 200 points.",
  "Les accidents de trajet ont augmenté de 7 %.",
  "Un habitant sur deux prend le train chaque semaine.",
}

local bodies = {}
for i, claim in ipairs(claims) do
  bodies[i] = '{"claim": "' .. claim .. '", "lang": "fr", "url": "' .. source .. '"}'
end

local counter = 0
local headers = { ["Content-Type"] = "application/json" }

request = function()
  counter = counter + 1
  return wrk.format("POST", "/v1/claims:verify", headers, bodies[(counter % #bodies) + 1])
end

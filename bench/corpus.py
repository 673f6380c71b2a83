"""Deterministic benchmark corpus: raw scraped news, the same news cleaned as
Pelican Markdown, and the same news as a Hugo site.

    python bench/corpus.py N OUTDIR

writes

- OUTDIR/raw/*.txt          N raw articles like seeds/ and tests/fixtures/scrapes/:
                            no front matter, Indonesian (~80 %) and English,
                            with datelines, captions scraped twice, "Baca juga"
                            lines, credits, ADVERTISEMENT, trailing "Fuente"…
- OUTDIR/markdown/*.md      the same articles without the debris, with a
                            Pelican metadata header (Title, Date, Category =
                            publisher, Author, Slug)
- OUTDIR/hugo/              a Hugo site holding the same cleaned articles

Articles come in stories: each story (one topic, one place, its own people,
organisations and numbers) lasts 1–4 days and is covered by 1–8 outlets;
stories start anywhere in 2023–2024. Everything is drawn from one seeded
`random.Random`, so the same N always gives the same bytes (no clock, no
network, no hash randomisation).
"""

# The templates below are prose, one sentence per line; they stay unwrapped.
# ruff: noqa: E501

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from random import Random

SEED = 20240122
FIRST_DAY = date(2023, 1, 1)
SPAN_DAYS = 731  # two years
SHARE_INDONESIAN = 0.8
STORY_SIZES = (1, 2, 3, 4, 5, 6, 7, 8)
STORY_SIZE_WEIGHTS = (20, 18, 16, 13, 11, 9, 7, 6)


def _rows(block: str) -> list[str]:
    return [line.strip() for line in block.strip().splitlines() if line.strip()]


def _words(block: str) -> list[str]:
    return [word.strip() for word in block.replace("\n", "|").split("|") if word.strip()]


def _pairs(block: str) -> list[tuple[str, str]]:
    return [tuple(part.strip() for part in row.split("|", 1)) for row in _rows(block)]


def _sections(block: str) -> dict[str, list[str]]:
    """`# name` headings over one template per line."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in _rows(block):
        if line.startswith("# "):
            current = sections.setdefault(line[2:].strip(), [])
        else:
            current.append(line)
    return sections


# ---- word lists ------------------------------------------------------------

ID_CITIES = _pairs("""
Jakarta Timur|DKI Jakarta
Jakarta Selatan|DKI Jakarta
Jakarta Utara|DKI Jakarta
Jakarta Barat|DKI Jakarta
Bogor|Jawa Barat
Depok|Jawa Barat
Bekasi|Jawa Barat
Bandung|Jawa Barat
Bandung Barat|Jawa Barat
Sumedang|Jawa Barat
Garut|Jawa Barat
Tasikmalaya|Jawa Barat
Cirebon|Jawa Barat
Sukabumi|Jawa Barat
Cianjur|Jawa Barat
Karawang|Jawa Barat
Purwakarta|Jawa Barat
Tangerang|Banten
Serang|Banten
Cilegon|Banten
Lebak|Banten
Pandeglang|Banten
Semarang|Jawa Tengah
Surakarta|Jawa Tengah
Magelang|Jawa Tengah
Klaten|Jawa Tengah
Banyumas|Jawa Tengah
Cilacap|Jawa Tengah
Pekalongan|Jawa Tengah
Tegal|Jawa Tengah
Kudus|Jawa Tengah
Pati|Jawa Tengah
Wonosobo|Jawa Tengah
Yogyakarta|DI Yogyakarta
Sleman|DI Yogyakarta
Bantul|DI Yogyakarta
Gunungkidul|DI Yogyakarta
Surabaya|Jawa Timur
Malang|Jawa Timur
Sidoarjo|Jawa Timur
Kediri|Jawa Timur
Jember|Jawa Timur
Banyuwangi|Jawa Timur
Madiun|Jawa Timur
Blitar|Jawa Timur
Probolinggo|Jawa Timur
Gresik|Jawa Timur
Lamongan|Jawa Timur
Bojonegoro|Jawa Timur
Medan|Sumatera Utara
Deli Serdang|Sumatera Utara
Binjai|Sumatera Utara
Pematangsiantar|Sumatera Utara
Tapanuli Utara|Sumatera Utara
Padang|Sumatera Barat
Bukittinggi|Sumatera Barat
Agam|Sumatera Barat
Pekanbaru|Riau
Dumai|Riau
Jambi|Jambi
Palembang|Sumatera Selatan
Lubuklinggau|Sumatera Selatan
Bengkulu|Bengkulu
Bandar Lampung|Lampung
Metro|Lampung
Pangkalpinang|Bangka Belitung
Batam|Kepulauan Riau
Tanjungpinang|Kepulauan Riau
Banda Aceh|Aceh
Lhokseumawe|Aceh
Pontianak|Kalimantan Barat
Singkawang|Kalimantan Barat
Palangka Raya|Kalimantan Tengah
Banjarmasin|Kalimantan Selatan
Banjarbaru|Kalimantan Selatan
Samarinda|Kalimantan Timur
Balikpapan|Kalimantan Timur
Bontang|Kalimantan Timur
Tarakan|Kalimantan Utara
Manado|Sulawesi Utara
Bitung|Sulawesi Utara
Gorontalo|Gorontalo
Palu|Sulawesi Tengah
Makassar|Sulawesi Selatan
Parepare|Sulawesi Selatan
Gowa|Sulawesi Selatan
Kendari|Sulawesi Tenggara
Mamuju|Sulawesi Barat
Ambon|Maluku
Ternate|Maluku Utara
Jayapura|Papua
Sorong|Papua Barat Daya
Merauke|Papua Selatan
Manokwari|Papua Barat
Denpasar|Bali
Badung|Bali
Gianyar|Bali
Mataram|Nusa Tenggara Barat
Lombok Timur|Nusa Tenggara Barat
Bima|Nusa Tenggara Barat
Kupang|Nusa Tenggara Timur
Ende|Nusa Tenggara Timur
Manggarai Barat|Nusa Tenggara Timur
""")

WORLD_CITIES = _pairs("""
Washington|United States
New York|United States
Chicago|United States
Los Angeles|United States
Houston|United States
Denver|United States
Atlanta|United States
London|Britain
Manchester|Britain
Paris|France
Marseille|France
Berlin|Germany
Munich|Germany
Brussels|Belgium
Geneva|Switzerland
Tokyo|Japan
Osaka|Japan
Seoul|South Korea
Beijing|China
Shanghai|China
Manila|the Philippines
Bangkok|Thailand
Hanoi|Vietnam
Kuala Lumpur|Malaysia
Singapore|Singapore
Sydney|Australia
Melbourne|Australia
Canberra|Australia
New Delhi|India
Mumbai|India
Dhaka|Bangladesh
Karachi|Pakistan
Cairo|Egypt
Nairobi|Kenya
Lagos|Nigeria
Johannesburg|South Africa
Sao Paulo|Brazil
Mexico City|Mexico
Ottawa|Canada
Toronto|Canada
Istanbul|Turkey
Riyadh|Saudi Arabia
Doha|Qatar
Amman|Jordan
Madrid|Spain
Rome|Italy
Athens|Greece
Warsaw|Poland
Kyiv|Ukraine
Lima|Peru
Santiago|Chile
Buenos Aires|Argentina
Jakarta|Indonesia
Bali|Indonesia
""")

ID_FIRST = _words("""
Agus|Budi|Dewi|Siti|Rina|Hendra|Yusuf|Ahmad|Rizky|Fitri|Wahyu|Eko|Joko|Sri|Nur|Andi
Bambang|Dian|Irfan|Lestari|Rudi|Taufik|Yanti|Hadi|Imam|Putri|Indah|Fajar|Arif|Sulastri
Teguh|Maria|Yohanes|Ketut|Made|Wayan|Nyoman|Ratna|Asep|Ujang|Cecep|Dedi|Lukman|Hasan
Ismail|Syahrul|Reza|Galih|Ayu|Novi|Sinta|Herman|Robert|Martinus|Benny|Agustina|Ferry
Yudi|Iwan|Dodi|Slamet|Sugeng|Rahmat|Zulkifli|Nasrul|Firman|Daniel|Gita|Intan|Kartika
Mega|Nanda|Oki|Pandu|Raden|Sekar|Tri|Umar|Vina|Wulan|Yoga|Zainal|Aditya|Bayu|Citra
Dimas|Erlangga|Fikri|Gilang|Hafiz|Ilham|Januar|Krisna|Lina|Mira|Nadia|Olivia|Prabowo
""")

ID_LAST = _words("""
Santoso|Wijaya|Saputra|Hidayat|Pratama|Nugroho|Setiawan|Kusuma|Siregar|Nasution|Harahap
Simanjuntak|Lubis|Situmorang|Sinaga|Hutapea|Gunawan|Susanto|Rahman|Syahputra|Permana
Suryadi|Wibowo|Hartono|Purnomo|Halim|Tanjung|Sembiring|Ginting|Tarigan|Manurung
Pangaribuan|Rahayu|Utami|Wulandari|Anggraini|Kurniawan|Hakim|Iskandar|Fauzi|Maulana
Prasetyo|Ramadhan|Firmansyah|Sihombing|Panjaitan|Daulay|Batubara|Matondang|Tambunan
Pardede|Mahendra|Adiputra|Sudirman|Suparman|Hamzah|Yusran|Baharuddin|Latuconsina
Rumbiak|Wenda|Kogoya|Mandagi|Sumual|Rondonuwu|Pakpahan|Nainggolan|Sitompul|Marpaung
Sarumpaet|Effendi|Hasibuan|Lumbantobing|Pohan|Ritonga|Damanik|Saragih|Purba|Hutagalung
""")

EN_FIRST = _words("""
James|Mary|John|Patricia|Robert|Jennifer|Michael|Linda|David|Elizabeth|William|Susan
Richard|Jessica|Joseph|Sarah|Thomas|Karen|Charles|Nancy|Daniel|Lisa|Matthew|Sandra
Anthony|Ashley|Mark|Emily|Paul|Michelle|Steven|Amanda|Andrew|Melissa|Kevin|Rebecca
Brian|Laura|Carlos|Ahmed|Fatima|Priya|Wei|Hiroshi|Olga|Kwame|Amara|Diego|Sofia|Lars
Ingrid|Tomasz|Aisha|Rahul|Mei|Kenji|Nadia|Omar|Grace|Henry|Chloe|Samuel|Ruth|Oliver
""")

EN_LAST = _words("""
Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|Hernandez
Lopez|Gonzalez|Wilson|Anderson|Taylor|Moore|Jackson|Martin|Lee|Perez|Thompson|White
Harris|Sanchez|Clark|Ramirez|Lewis|Robinson|Walker|Young|Allen|King|Wright|Scott|Torres
Nguyen|Hill|Flores|Green|Adams|Nelson|Baker|Hall|Rivera|Campbell|Mitchell|Carter
Roberts|Khan|Patel|Okafor|Mensah|Kowalski|Novak|Schmidt|Rossi|Dubois|Tanaka|Kim|Chen
Singh|Haddad|Larsen|Moreau|Fischer|Costa|Silva|Ivanova|Murphy|O'Brien|Sato|Park|Ali
""")

LOCAL_PREFIX = _words("""
Ci|Su|Kali|Karang|Sumber|Tanjung|Pasir|Bojong|Rawa|Wono|Sido|Tegal|Gunung|Batu|Kebon
Muara|Pulo|Padang|Sei|Air|Bukit|Teluk|Tanah|Lubuk|Kampung|Banjar|Mekar|Jati|Sari
""")
LOCAL_ROOT = _words("""
mulyo|jaya|asri|rejo|sari|makmur|bening|gede|harjo|tengah|baru|legi|manik|wangi|agung
rahayu|kencana|indah|luhur|mekar|dadi|kerto|arum|sejahtera|raya|lestari|permai|abadi|
mukti|waras|haur|kuning|hijau|putih|tinggi|lama|kidul|lor|wetan|kulon|anyar|sumber
""")

RIVERS = _words("""
Ciliwung|Citarum|Cisadane|Bengawan Solo|Brantas|Kali Angke|Kali Pesanggrahan|Musi|Kampar
Batanghari|Kapuas|Mahakam|Barito|Deli|Babura|Cimanuk|Citanduy|Serayu|Progo|Opak|Code
Winongo|Bedadung|Konto|Jeneberang|Tallo|Palu|Lariang|Bengkulu|Way Sekampung|Siak|Indragiri
""")


CLUBS = _words("""
Persib Bandung|Persija Jakarta|Arema FC|PSM Makassar|Bali United|Persebaya Surabaya
Borneo FC|Persita Tangerang|PSIS Semarang|Dewa United|Madura United|Persik Kediri
Bhayangkara FC|RANS Nusantara|Barito Putera|PSS Sleman|Persis Solo|Semen Padang
Malut United|PSBS Biak|Persiraja Banda Aceh|Sriwijaya FC|PSMS Medan|Persipura Jayapura
""")
EN_CLUBS = _words("""
Riverside United|Northgate City|Harbor Athletic|Eastfield Rovers|Kingsbridge FC
Lakeshore Wanderers|Redhill Town|Westbrook Albion|Southport Rangers|Ironvale FC
Crownhill Athletic|Millbrook County|Seaview Dynamos|Oakridge Phoenix
""")
STADIUMS = _words("""
Stadion Gelora Bandung Lautan Api|Stadion Si Jalak Harupat|Stadion Kanjuruhan
Stadion Gelora Bung Tomo|Stadion Kapten I Wayan Dipta|Stadion Segiri|Stadion Manahan
Stadion Jatidiri|Stadion Maguwoharjo|Stadion Indomilk Arena|Stadion Gelora Bung Karno
Stadion Batakan|Stadion Mandala|Stadion Harapan Bangsa|Stadion Teladan|Stadion Haji Agus Salim
""")
PARTIES = _words("""
PDI-P|Golkar|Gerindra|PKB|NasDem|PKS|Demokrat|PAN|PPP|Perindo|PSI|Hanura|Partai Buruh
""")
COMMODITIES = _words("""
beras|cabai rawit|cabai merah|bawang merah|bawang putih|minyak goreng|gula pasir|telur ayam
daging ayam|daging sapi|kedelai|tepung terigu|ikan bandeng|tomat|jagung pipil|garam
""")
DISEASES = _words("""
demam berdarah dengue|campak|diare|infeksi saluran pernapasan akut|tuberkulosis|malaria
difteri|leptospirosis|hepatitis A|chikungunya|pneumonia|gizi buruk|rabies|cacar monyet
""")
VEHICLES = _words("""
bus pariwisata|truk tronton|minibus|mobil boks|truk tangki|bus antarkota|mobil pikap
truk trailer|angkutan kota|mobil travel|bus sekolah|truk pengangkut pasir
""")
BUS_COMPANIES = _words("""
PO Sinar Jaya|PO Haryanto|PO Rosalia Indah|PO Pahala Kencana|PO Sumber Alam|PO Harapan Jaya
PO Gunung Harta|PO Putra Mulya|PO Bejeu|PO Agra Mas|PO Lorena|PO Primajasa|PO Budiman
""")
PROJECTS = _words("""
pembangunan jembatan|rehabilitasi irigasi|pengadaan alat kesehatan|pembangunan pasar
pengadaan lahan tol|renovasi gedung sekolah|pembangunan rumah sakit|pengadaan bibit jagung
pembangunan jalan lingkar|proyek air bersih|pengadaan seragam sekolah|pembangunan stadion
revitalisasi terminal|pengadaan kapal nelayan|pembangunan pelabuhan rakyat|proyek drainase kota
""")
INFRA = _words("""
jalan tol|jembatan gantung|bendungan|bandara|pelabuhan|terminal bus|rumah sakit daerah
jalur kereta api|flyover|pasar rakyat|sekolah rakyat|embung|jalan nasional|underpass
""")
CRIMES = _words("""
penipuan investasi bodong|pencurian sepeda motor|peredaran narkoba|penipuan arisan online
pembobolan minimarket|penggelapan mobil rental|perdagangan satwa dilindungi|pemalsuan uang
judi online|pencurian kabel listrik|penipuan lowongan kerja|pembegalan|penimbunan solar
""")
APPS = _words("""
aplikasi layanan publik|sistem pendaftaran sekolah|portal pajak daerah|aplikasi bantuan sosial
pusat data nasional|aplikasi transportasi daring|dompet digital|sistem rumah sakit
aplikasi perizinan|layanan kependudukan daring|sistem pembayaran parkir|aplikasi pinjaman daring
""")
COUNTRIES_ID = _words("""
Jepang|Korea Selatan|Australia|Malaysia|Singapura|Thailand|Vietnam|Filipina|India|Tiongkok
Arab Saudi|Uni Emirat Arab|Qatar|Turki|Mesir|Jerman|Prancis|Belanda|Inggris|Amerika Serikat
Kanada|Brasil|Afrika Selatan|Selandia Baru|Papua Nugini|Timor Leste|Brunei Darussalam|Pakistan
""")
FIRMS = _words("""
PT Sinar Abadi|PT Mitra Karya|PT Nusa Konstruksi|PT Bumi Persada|PT Cahaya Teknik
PT Lintas Nusantara|PT Wahana Mandiri|PT Graha Prima|PT Sentosa Utama|PT Karya Bangun
""")
EN_FIRMS = _words("""
Northwind Logistics|Brightline Data|Summit Health|Clearwater Utilities|Atlas Transit
Harborview Capital|Pinecrest Energy|Meridian Software|Bluewater Foods|Keystone Builders
""")

DAY_PARTS = ("pagi", "siang", "sore", "malam", "dini hari")
ID_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec.")  # fmt: skip

ID_SAY = _words("kata|ujar|tutur|jelas|ungkap|tegas|terang|imbuh")
EN_SAY = _words("said|told reporters|said in a statement|added")

# ---- templates -------------------------------------------------------------
# {slot} is filled from the story (place, people, numbers…); slots named
# r_* are drawn afresh every time (a random passer-by, a random number).

ID_TEXT = {
    "banjir": _sections("""
# headline
Banjir Rendam {n2} Rumah di {desa}, {kota}
Luapan Sungai {sungai} Genangi Permukiman Warga {kec}
Ratusan Warga {kota} Mengungsi akibat Banjir
Banjir di {kota} Meluas, BPBD Dirikan Posko di {kec}
# lead
Banjir merendam {n2} rumah di Desa {desa}, Kecamatan {kec}, {kota}, {prov}{kapan}.
Hujan deras yang mengguyur {kota} sejak malam membuat Sungai {sungai} meluap dan menggenangi permukiman warga di {kec}{kapan}.
Ratusan warga {desa}, {kota}, terpaksa mengungsi setelah banjir setinggi {cm} sentimeter merendam rumah mereka{kapan}.
# fact
Ketinggian air di permukiman warga bervariasi, mulai dari {cm_low} sentimeter hingga {cm} sentimeter.
Sebanyak {n2} kepala keluarga di {desa} terdampak banjir dan {n1} di antaranya mengungsi ke balai desa.
BPBD {kota} mencatat banjir melanda {n1} desa di {n1b} kecamatan.
Petugas gabungan mengevakuasi warga lanjut usia dan anak-anak menggunakan perahu karet.
Debit Sungai {sungai} naik drastis setelah hujan turun lebih dari {jam_n} jam tanpa henti.
Pemerintah {kota} mendirikan dapur umum di halaman kantor Kecamatan {kec}.
Akses jalan penghubung {desa} dan pusat Kecamatan {kec} terputus karena tergenang air.
Sedikitnya {n1} sekolah di {kec} meliburkan siswanya karena ruang kelas terendam.
Lahan pertanian seluas {ha} hektare di sekitar {desa} ikut terendam dan terancam gagal panen.
Warga mengeluhkan saluran drainase di {jalan} yang tersumbat sampah sejak berbulan-bulan lalu.
Banjir kali ini disebut sebagai yang terparah dalam {n1b} tahun terakhir.
Tim SAR gabungan menyisir permukiman untuk memastikan tidak ada warga yang terjebak di dalam rumah.
# quote
"Air naik sangat cepat. Dalam satu jam sudah setinggi pinggang orang dewasa," {kata} {warga}, warga {desa}.
"Kami sudah menyiapkan {n1} perahu karet dan personel yang berjaga selama 24 jam," {kata} {jabatan} {pejabat}.
"Bantuan makanan siap saji dan selimut sudah kami salurkan ke posko pengungsian," {kata} {pejabat_s}.
"Normalisasi Sungai {sungai} harus segera dilakukan agar banjir tidak terus berulang," {kata} {pakar}, {pakar_role}.
# caption
Warga melintasi genangan banjir di {jalan}, {kota}, {hari_tgl}.
Petugas BPBD mengevakuasi warga menggunakan perahu karet di Desa {desa}, {kota}.
Sejumlah kendaraan terjebak banjir di kawasan {kec}, {kota}, {hari_tgl}.
Spanduk bertuliskan "Siaga Banjir" terpasang di tepi Sungai {sungai}, {kota}.
"""),
    "gempa": _sections("""
# headline
Gempa Magnitudo {mag} Guncang {kota}, Warga Berhamburan
BMKG: Gempa {kota} Dipicu Sesar Aktif
{n2} Rumah Rusak akibat Gempa di {kota}
Gempa Susulan Masih Terjadi di {kota}, Warga Diminta Waspada
# lead
Gempa bermagnitudo {mag} mengguncang {kota}, {prov}{kapan}.
Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) mencatat gempa bermagnitudo {mag} mengguncang wilayah {kota}{kapan}.
Sebanyak {n2} rumah warga di {kota}, {prov}, rusak setelah gempa bermagnitudo {mag} mengguncang wilayah itu{kapan}.
# fact
Pusat gempa berada di darat pada kedalaman {depth} kilometer, sekitar {km} kilometer arah {arah} {kota}.
BMKG memastikan gempa tersebut tidak berpotensi tsunami.
Getaran gempa dirasakan hingga {kota2} dengan skala intensitas {mmi} MMI.
Hingga pagi ini tercatat {n1} kali gempa susulan dengan magnitudo terbesar {mag_small}.
BPBD {kota} mendata {n2} rumah rusak ringan dan {n1} rumah rusak berat.
Sebagian warga memilih tidur di tenda darurat karena khawatir ada gempa susulan.
Dinding {sekolah} retak dan kegiatan belajar dipindahkan sementara ke tenda.
Pemerintah {kota} menetapkan status tanggap darurat selama {n4} hari.
Tim gabungan mendirikan posko kesehatan di lapangan Desa {desa}.
Gempa dipicu aktivitas sesar aktif yang belum teridentifikasi, menurut analisis BMKG.
Jalan provinsi yang menghubungkan {kota} dan {kota2} retak di beberapa titik.
# quote
"Guncangannya keras sekali, lampu gantung sampai berayun dan barang-barang jatuh," {kata} {warga}, warga {kec}.
"Masyarakat diimbau tetap tenang dan tidak terpengaruh isu yang tidak dapat dipertanggungjawabkan," {kata} {jabatan} {pejabat}.
"Kami fokus pada pendataan dan penyaluran bantuan bagi warga yang rumahnya rusak berat," {kata} {pejabat_s}.
"Wilayah {prov} memang rawan gempa karena dilalui beberapa sesar aktif," {kata} {pakar}, {pakar_role}.
# caption
Warga memeriksa rumah yang rusak akibat gempa di Desa {desa}, {kota}, {hari_tgl}.
Petugas mendirikan tenda pengungsian di halaman kantor Kecamatan {kec}, {kota}.
Retakan di dinding {sekolah} setelah gempa mengguncang {kota}.
"""),
    "longsor": _sections("""
# headline
Longsor Timbun {n1} Rumah di {desa}, {kota}
Tanah Longsor Tutup Akses Jalan {kec}-{kota2}
Tim SAR Cari Korban Longsor di {kota}
# lead
Tanah longsor menimbun sedikitnya {n1} rumah di Kampung {kampung}, Desa {desa}, Kecamatan {kec}, {kota}{kapan}.
Longsor menutup jalan penghubung {kec} dan {kota2} setelah hujan deras mengguyur {kota}{kapan}.
Tim SAR gabungan masih mencari {n1} warga yang diduga tertimbun longsor di Desa {desa}, {kota}{kapan}.
# fact
Longsor terjadi setelah hujan deras mengguyur wilayah tersebut selama lebih dari {jam_n} jam.
Hingga pukul {jam} WIB, tim SAR gabungan telah mengevakuasi {n2} warga dari lokasi longsor.
Alat berat dikerahkan untuk membersihkan material longsor yang menutup badan jalan sepanjang {m} meter.
Warga yang rumahnya terancam longsor susulan diungsikan ke balai desa dan rumah kerabat.
BPBD juga mendirikan dapur umum untuk memenuhi kebutuhan makan para pengungsi.
Tebing setinggi {m} meter di belakang permukiman runtuh dan menimpa rumah warga.
Pencarian sempat dihentikan sementara karena hujan kembali turun dan tanah masih labil.
Arus lalu lintas dialihkan melalui jalur alternatif {kampung2} selama pembersihan.
Wilayah {kec} termasuk zona merah rawan gerakan tanah menurut peta kebencanaan daerah.
# quote
"Alat berat belum bisa masuk karena akses jalan sempit dan licin. Evakuasi masih dilakukan secara manual," {kata} {pejabat_s}.
"Suaranya seperti gemuruh, lalu tanah dari atas bukit langsung turun," {kata} {warga}, warga setempat.
"Kami minta warga di lereng bukit mengungsi dulu sampai kondisi aman," {kata} {jabatan} {pejabat}.
# caption
Petugas membersihkan material longsor di jalan penghubung {kec}, {kota}, {hari_tgl}.
Tim SAR gabungan mencari korban longsor di Kampung {kampung}, {kota}.
Alat berat dikerahkan ke lokasi longsor di Desa {desa}, {kota}.
"""),
    "kebakaran": _sections("""
# headline
Kebakaran Hanguskan {n2} Kios di Pasar {pasar}, {kota}
Si Jago Merah Lalap Permukiman Padat di {kec}, {kota}
{n1} Unit Damkar Dikerahkan Padamkan Kebakaran di {kota}
# lead
Kebakaran melanda Pasar {pasar}, {kota}{kapan}, dan menghanguskan sedikitnya {n2} kios pedagang.
Kebakaran hebat melanda permukiman padat penduduk di Kelurahan {desa}, Kecamatan {kec}, {kota}{kapan}.
Sebanyak {n1} unit mobil pemadam kebakaran dikerahkan untuk memadamkan api yang melalap gudang di {jalan}, {kota}{kapan}.
# fact
Api diduga berasal dari korsleting listrik di salah satu kios di lantai dasar.
Petugas membutuhkan waktu sekitar {jam_n} jam untuk menjinakkan api.
Tidak ada korban jiwa dalam peristiwa tersebut, namun kerugian ditaksir mencapai {rp}.
Sebanyak {n2} jiwa kehilangan tempat tinggal dan kini mengungsi di {masjid}.
Angin kencang membuat api cepat menjalar ke bangunan di sekitarnya.
Polisi memasang garis polisi dan memeriksa sejumlah saksi untuk menyelidiki penyebab kebakaran.
Pedagang berusaha menyelamatkan barang dagangan sebelum api membesar.
Pemerintah {kota} berjanji membangun tempat penampungan sementara bagi pedagang terdampak.
Petugas pemadam sempat kesulitan karena akses jalan menuju lokasi sempit.
# quote
"Api cepat sekali membesar, kami hanya sempat menyelamatkan surat-surat penting," {kata} {warga}, pedagang di Pasar {pasar}.
"Dugaan sementara penyebabnya korsleting listrik, tetapi kami masih menunggu hasil olah tempat kejadian," {kata} {jabatan} {pejabat}.
"Kami menurunkan {n1} unit armada dan lebih dari {n2b} personel," {kata} {pejabat_s}.
# caption
Petugas pemadam kebakaran berusaha memadamkan api di Pasar {pasar}, {kota}, {hari_tgl}.
Kios pedagang yang hangus terbakar di Pasar {pasar}, {kota}.
Warga menyaksikan petugas memadamkan api di {jalan}, {kota}, {hari_tgl}.
"""),
    "kecelakaan": _sections("""
# headline
Kecelakaan {kendaraan_t} di {tol}, {n1} Orang Tewas
{kendaraan_t} Tabrak Pembatas Jalan di {kota}
Polisi Selidiki Penyebab Kecelakaan {kendaraan_t} di {kota}
# lead
Sebuah {kendaraan} mengalami kecelakaan di {tol} Km {km}, {kota}, {prov}{kapan}.
Kecelakaan yang melibatkan {kendaraan} milik {po} terjadi di {jalan}, {kota}{kapan}.
Sebanyak {n1} orang meninggal dunia dan {n2} lainnya luka-luka dalam kecelakaan {kendaraan} di {kota}{kapan}.
# fact
{kendaraan_t} diduga mengalami rem blong saat melintasi turunan panjang.
Seluruh korban luka dibawa ke {rs} untuk mendapat perawatan.
Polisi masih memeriksa sopir dan kondektur untuk mengetahui kronologi kejadian.
Arus lalu lintas di lokasi kejadian sempat tersendat hingga {km_macet} kilometer.
Kendaraan tersebut membawa {n2} penumpang yang hendak menuju {kota2}.
Pihak kepolisian juga akan memeriksa kelaikan kendaraan, termasuk masa berlaku uji KIR.
Petugas mengevakuasi {kendaraan} yang terguling menggunakan derek.
Jalur tersebut dikenal rawan kecelakaan karena kontur jalan yang menurun dan berkelok.
Dinas Perhubungan {kota} akan memasang rambu peringatan tambahan di titik tersebut.
# quote
"Dari keterangan sopir, rem tidak berfungsi sejak Km {km2}. Kendaraan kemudian menabrak pembatas jalan," {kata} {jabatan} {pejabat}.
"Saya dengar suara benturan keras, lalu orang-orang berteriak minta tolong," {kata} {warga}, saksi mata.
"Kami akan memeriksa izin trayek dan kondisi teknis kendaraan," {kata} {pejabat_s}.
# caption
Petugas mengevakuasi {kendaraan} yang mengalami kecelakaan di {tol}, {kota}, {hari_tgl}.
Kondisi {kendaraan} setelah menabrak pembatas jalan di Km {km}, {kota}.
"""),
    "kesehatan": _sections("""
# headline
Kasus {penyakit_t} di {kota} Capai {n3} Orang
Dinkes {kota} Waspadai Lonjakan {penyakit_t}
{n1} Warga {kota} Meninggal akibat {penyakit_t}
# lead
Dinas Kesehatan {kota} mencatat kasus {penyakit} mencapai {n3} kasus sejak awal tahun{kapan}.
Kasus {penyakit} di {kota}, {prov}, meningkat tajam dalam dua pekan terakhir{kapan}.
Pemerintah {kota} menetapkan kejadian luar biasa {penyakit} setelah {n1} warga meninggal dunia{kapan}.
# fact
Jumlah tersebut meningkat dibandingkan periode yang sama tahun lalu sebanyak {n3b} kasus.
Kasus terbanyak ditemukan di Kecamatan {kec} dan {kec2}.
Petugas puskesmas melakukan penyelidikan epidemiologi ke rumah-rumah warga.
Sebanyak {n2} pasien masih dirawat di {rs} dan sejumlah puskesmas.
Dinas Kesehatan menyiapkan {n1} ribu dosis vaksin untuk kelompok rentan.
Warga diminta segera memeriksakan diri ke fasilitas kesehatan bila mengalami gejala.
Kasus kematian akibat {penyakit} tercatat sebanyak {n1} orang, sebagian besar anak-anak.
Pemerintah daerah menambah tempat tidur perawatan di {rs} untuk mengantisipasi lonjakan pasien.
Kader kesehatan dikerahkan untuk pemeriksaan jentik di {n2} rumah.
# quote
"Kami minta daerah tidak menunggu kasus melonjak. Pencegahan harus dijalankan sekarang," {kata} {jabatan} {pejabat}.
"Anak saya demam tinggi tiga hari, baru dibawa ke puskesmas setelah lemas," {kata} {warga}, warga {kec}.
"Kenaikan kasus ini berkaitan dengan musim hujan dan sanitasi lingkungan," {kata} {pakar}, {pakar_role}.
# caption
Petugas melakukan pengasapan di permukiman warga {kec}, {kota}, {hari_tgl}.
Pasien {penyakit} dirawat di {rs}, {kota}.
"""),
    "politik": _sections("""
# headline
KPU {kota} Tetapkan {n1} Pasangan Calon Kepala Daerah
{calon} Daftar ke KPU {kota} Diantar Ribuan Pendukung
Debat Calon Wali Kota {kota} Diwarnai Adu Program
Bawaslu {kota} Temukan Dugaan Politik Uang
# lead
Komisi Pemilihan Umum (KPU) {kota} menetapkan {n1} pasangan calon kepala daerah{kapan}.
Bakal calon kepala daerah {calon} mendaftar ke KPU {kota}{kapan} dengan diantar ribuan pendukungnya.
Debat publik calon kepala daerah {kota} digelar di {gedung}{kapan}.
Badan Pengawas Pemilu (Bawaslu) {kota} menemukan dugaan praktik politik uang di Kecamatan {kec}{kapan}.
# fact
Pasangan {calon} diusung koalisi {partai}, {partai2}, dan {partai3}.
Sementara itu, {calon2} maju dengan dukungan {partai4} dan sejumlah partai nonparlemen.
Jumlah pemilih tetap di {kota} tercatat sebanyak {n3} orang.
KPU menyiapkan {n2} tempat pemungutan suara yang tersebar di {n1b} kecamatan.
Debat membahas penanganan banjir, lapangan kerja, dan pelayanan kesehatan.
Bawaslu mengamankan amplop berisi uang tunai senilai {rp} dari seorang relawan.
Pengamanan tahapan pemilihan melibatkan {n2b} personel gabungan TNI dan Polri.
Kedua kubu sama-sama menjanjikan perbaikan jalan di wilayah pinggiran {kota}.
Partisipasi pemilih pada pemilihan sebelumnya hanya mencapai {persen}.
# quote
"Kami ingin {kota} dikelola secara terbuka dan melayani seluruh warga tanpa kecuali," {kata} {calon}.
"Semua pasangan calon sudah memenuhi syarat administrasi dan kesehatan," {kata} {jabatan} {pejabat}.
"Pemilih sebaiknya menilai program, bukan sekadar popularitas," {kata} {pakar}, {pakar_role}.
"Temuan ini sudah kami teruskan ke Sentra Gakkumdu untuk ditindaklanjuti," {kata} {pejabat2}.
# caption
Pasangan calon {calon} tiba di kantor KPU {kota}, {hari_tgl}.
Suasana debat calon kepala daerah {kota} di {gedung}, {hari_tgl}.
"""),
    "ekonomi": _sections("""
# headline
Harga {komoditas_t} di {kota} Tembus Rp {harga} per Kilogram
Pedagang {pasar} Keluhkan Lonjakan Harga {komoditas_t}
Pemkot {kota} Gelar Operasi Pasar {komoditas_t}
Inflasi {kota} Capai {persen_small}, Dipicu Harga Pangan
# lead
Harga {komoditas} di Pasar {pasar}, {kota}, naik menjadi Rp {harga} per kilogram{kapan}.
Pemerintah {kota} menggelar operasi pasar {komoditas} untuk menekan harga yang terus naik{kapan}.
Badan Pusat Statistik (BPS) {prov} mencatat inflasi tahunan di {kota} mencapai {persen_small}{kapan}.
# fact
Sepekan sebelumnya, harga {komoditas} masih berkisar Rp {harga2} per kilogram.
Kenaikan harga dipicu berkurangnya pasokan dari daerah sentra produksi akibat cuaca.
Operasi pasar menyediakan {n2} ton {komoditas} dengan harga di bawah harga pasar.
Antrean warga sudah mengular sejak pagi di halaman kantor Kecamatan {kec}.
Kelompok bahan makanan menjadi penyumbang terbesar inflasi bulan ini.
Dinas Perdagangan memantau harga di {n1} pasar tradisional setiap hari.
Pedagang mengaku omzet mereka turun karena pembeli mengurangi belanja.
Bank Indonesia perwakilan {prov} memperkirakan harga kembali stabil dalam dua pekan.
Pemerintah daerah juga menyiapkan subsidi ongkos angkut dari {kota2}.
# quote
"Pembeli sekarang cuma beli seperempat kilo, biasanya satu kilo," {kata} {warga}, pedagang di Pasar {pasar}.
"Kami pastikan stok aman sampai akhir bulan, masyarakat tidak perlu memborong," {kata} {jabatan} {pejabat}.
"Gangguan pasokan ini bersifat musiman, tetapi distribusi antardaerah perlu dibenahi," {kata} {pakar}, {pakar_role}.
# caption
Pedagang melayani pembeli di Pasar {pasar}, {kota}, {hari_tgl}.
Warga mengantre membeli {komoditas} murah di kantor Kecamatan {kec}, {kota}.
"""),
    "korupsi": _sections("""
# headline
Kejari {kota} Tahan Tersangka Korupsi Proyek {proyek_t}
KPK Periksa {n1} Saksi Kasus Dugaan Korupsi di {kota}
Kerugian Negara Kasus {proyek_t} {kota} Capai {rp}
# lead
Kejaksaan Negeri {kota} menahan {tersangka} sebagai tersangka kasus dugaan korupsi {proyek} tahun anggaran {tahun_lalu}{kapan}.
Komisi Pemberantasan Korupsi (KPK) memeriksa {n1} saksi terkait dugaan korupsi {proyek} di {kota}{kapan}.
Penyidik menaksir kerugian negara dalam kasus {proyek} di {kota} mencapai {rp}{kapan}.
# fact
Tersangka diduga menggelembungkan harga dan mengerjakan proyek tidak sesuai spesifikasi.
Proyek tersebut dikerjakan oleh {firma} dengan nilai kontrak {rp2}.
Penyidik menyita dokumen, telepon genggam, dan uang tunai dari kantor dinas terkait.
Tersangka ditahan selama 20 hari pertama di rumah tahanan {kota}.
Hasil audit menemukan sejumlah item pekerjaan fiktif.
Penyidik tidak menutup kemungkinan adanya tersangka lain dalam kasus ini.
Tersangka dijerat Pasal 2 dan Pasal 3 Undang-Undang Pemberantasan Tindak Pidana Korupsi.
Kuasa hukum tersangka menyatakan akan mengajukan praperadilan.
# quote
"Penahanan dilakukan karena dikhawatirkan tersangka menghilangkan barang bukti," {kata} {jabatan} {pejabat}.
"Klien kami kooperatif dan akan mengikuti seluruh proses hukum," {kata} {pejabat2}, kuasa hukum tersangka.
"Pengawasan proyek di daerah masih lemah, terutama pada tahap perencanaan," {kata} {pakar}, {pakar_role}.
# caption
Tersangka {tersangka} mengenakan rompi tahanan di kantor Kejaksaan Negeri {kota}, {hari_tgl}.
"""),
    "infrastruktur": _sections("""
# headline
{infra_t} {kota} Ditargetkan Rampung {tahun_depan}
Pembangunan {infra_t} di {kota} Telan Anggaran {rp}
Presiden Resmikan {infra_t} di {kota}
# lead
Pembangunan {infra} di {kota}, {prov}, ditargetkan rampung pada {tahun_depan}{kapan}.
Kementerian Pekerjaan Umum meresmikan {infra} di {kota}{kapan} setelah dibangun selama {n1b} tahun.
Proyek {infra} yang menghubungkan {kota} dan {kota2} mulai memasuki tahap konstruksi{kapan}.
# fact
Proyek tersebut menelan anggaran sekitar {rp} dari APBN.
Progres fisik pembangunan saat ini telah mencapai {persen}.
Sebanyak {n2} bidang tanah warga terdampak pembebasan lahan.
{infra_t} diharapkan memangkas waktu tempuh {kota}-{kota2} dari {jam_n} jam menjadi kurang dari satu jam.
Kontraktor pelaksana mempekerjakan {n2b} tenaga kerja lokal.
Sejumlah warga masih menuntut ganti rugi yang dinilai belum sesuai.
Pembangunan sempat terhenti karena kendala cuaca dan pasokan material.
Pemerintah daerah menyiapkan kawasan industri baru di sekitar proyek.
# quote
"Infrastruktur ini akan membuka akses ekonomi bagi warga di pedalaman," {kata} {jabatan} {pejabat}.
"Kami tidak menolak pembangunan, kami hanya minta ganti rugi yang adil," {kata} {warga}, warga {desa}.
"Pekerjaan dikebut siang dan malam agar selesai tepat waktu," {kata} {pejabat2}, kepala proyek.
# caption
Pekerja menyelesaikan pembangunan {infra} di {kota}, {hari_tgl}.
Suasana peresmian {infra} di {kota}.
"""),
    "pendidikan": _sections("""
# headline
PPDB {kota} Dibuka, Orang Tua Keluhkan Sistem Zonasi
Ratusan Guru Honorer {kota} Tuntut Kejelasan Status
{sekolah} Rusak, Siswa Belajar di Tenda
# lead
Penerimaan peserta didik baru (PPDB) di {kota} resmi dibuka{kapan}, diwarnai keluhan orang tua soal sistem zonasi.
Ratusan guru honorer di {kota} berunjuk rasa di depan gedung DPRD{kapan} menuntut kejelasan status kepegawaian.
Siswa {sekolah} terpaksa belajar di tenda darurat karena atap ruang kelas ambruk{kapan}.
# fact
Dinas Pendidikan {kota} menyediakan {n3} kursi untuk jenjang SMP negeri.
Sebanyak {n2} guru honorer belum menerima honor selama {n1b} bulan.
Server pendaftaran sempat tidak dapat diakses pada hari pertama.
Atap {n1} ruang kelas ambruk karena rangka kayu sudah lapuk.
Pemerintah daerah menjanjikan perbaikan gedung sekolah tahun depan dengan anggaran {rp}.
Kuota jalur zonasi ditetapkan {persen} dari total daya tampung.
Para guru meminta pemerintah daerah mengusulkan formasi PPPK lebih banyak.
Orang tua murid menggalang dana untuk membeli kursi dan papan tulis sementara.
# quote
"Rumah kami hanya satu kilometer dari sekolah, tetapi anak saya tidak lolos zonasi," {kata} {warga}, orang tua murid.
"Kami sudah mengajar belasan tahun, tetapi statusnya tetap honorer," {kata} {pejabat2}, koordinator aksi.
"Aduan orang tua kami tampung dan verifikasi satu per satu," {kata} {jabatan} {pejabat}.
# caption
Orang tua murid mengantre di {sekolah}, {kota}, {hari_tgl}.
Siswa belajar di tenda darurat di halaman {sekolah}, {kota}.
"""),
    "olahraga": _sections("""
# headline
{klub1} Tekuk {klub2} {skor}
{klub1} Tahan Imbang {klub2} di {stadion}
{pelatih} Puas dengan Permainan {klub1}
# lead
{klub1} mengalahkan {klub2} dengan skor {skor} pada laga Liga 1 di {stadion}, {kota}{kapan}.
{klub1} meraih kemenangan {skor} atas tamunya {klub2} di {stadion}{kapan}.
Pelatih {klub1}, {pelatih}, memuji mental bertanding anak asuhnya usai menang {skor} atas {klub2}{kapan}.
# fact
Gol pembuka dicetak {pemain} pada menit ke-{menit} memanfaatkan umpan silang dari sisi kanan.
{klub2} sempat menyamakan kedudukan melalui tendangan bebas {pemain2}.
Pertandingan disaksikan sekitar {n3} penonton.
Kemenangan ini membawa {klub1} naik ke peringkat {n1} klasemen sementara.
{klub2} bermain dengan sepuluh pemain setelah {pemain2} menerima kartu merah.
Laga sempat dihentikan beberapa menit karena suar dinyalakan di tribun penonton.
{klub1} akan menjalani laga tandang berikutnya pekan depan.
Panitia pelaksana menyiapkan {n2b} personel pengamanan di sekitar stadion.
# quote
"Anak-anak bermain disiplin dan tidak panik saat tertinggal," {kata} {pelatih}.
"Kami kehilangan konsentrasi di babak kedua, itu harus diperbaiki," {kata} pelatih {klub2}, {pelatih2}.
"Gol ini untuk suporter yang selalu mendukung kami," {kata} {pemain}.
# caption
Pemain {klub1} merayakan gol ke gawang {klub2} di {stadion}, {hari_tgl}.
Suporter memadati tribun {stadion}, {kota}.
"""),
    "transportasi": _sections("""
# headline
Arus Mudik di {tol} Meningkat, Polisi Berlakukan Contraflow
Penumpang di Stasiun {kota} Naik {persen}
Kapal Penyeberangan ke {kota2} Ditunda karena Cuaca Buruk
# lead
Volume kendaraan yang melintas di {tol} meningkat {persen} dibandingkan hari biasa{kapan}.
Jumlah penumpang kereta api di Stasiun {kota} melonjak menjelang libur panjang{kapan}.
Pelabuhan {kota} menunda keberangkatan kapal penyeberangan menuju {kota2} karena gelombang tinggi{kapan}.
# fact
Polisi memberlakukan rekayasa lalu lintas contraflow mulai Km {km} hingga Km {km2}.
Sebanyak {n3} kendaraan tercatat meninggalkan {kota} dalam 24 jam terakhir.
PT KAI menambah {n1} perjalanan kereta tambahan untuk mengurai kepadatan.
Gelombang setinggi {m_small} meter diperkirakan terjadi hingga dua hari ke depan.
Ratusan penumpang tertahan di ruang tunggu pelabuhan.
Rest area di sepanjang tol dibatasi maksimal 30 menit per kendaraan.
Tiket kereta jarak jauh untuk periode puncak sudah habis terjual.
Posko kesehatan disiagakan di {n1b} titik sepanjang jalur.
# quote
"Kami imbau pemudik beristirahat bila lelah, jangan memaksakan diri," {kata} {jabatan} {pejabat}.
"Sudah enam jam menunggu, belum ada kepastian kapan kapal berangkat," {kata} {warga}, penumpang.
"Penambahan perjalanan ini untuk mengakomodasi tingginya permintaan," {kata} {pejabat2}.
# caption
Kendaraan pemudik memadati {tol}, {hari_tgl}.
Penumpang menunggu keberangkatan di Stasiun {kota}, {hari_tgl}.
"""),
    "kriminal": _sections("""
# headline
Polres {kota} Bongkar Kasus {kejahatan_t}
Polisi Tangkap {n1} Pelaku {kejahatan_t} di {kota}
Korban {kejahatan_t} di {kota} Merugi {rp}
# lead
Kepolisian Resor {kota} membongkar kasus {kejahatan} yang meresahkan warga{kapan}.
Polisi menangkap {n1} orang yang diduga terlibat {kejahatan} di {kota}, {prov}{kapan}.
Puluhan warga {kota} melapor menjadi korban {kejahatan} dengan total kerugian {rp}{kapan}.
# fact
Para pelaku ditangkap di sebuah rumah kontrakan di Kecamatan {kec}.
Polisi menyita barang bukti berupa {n1} telepon genggam, buku rekening, dan kendaraan.
Modus pelaku adalah menawarkan keuntungan besar dalam waktu singkat.
Jumlah korban yang melapor mencapai {n2} orang dari berbagai daerah.
Pelaku dijerat pasal berlapis dengan ancaman hukuman hingga {n1b} tahun penjara.
Polisi masih memburu {n1} pelaku lain yang masuk daftar pencarian orang.
Uang hasil kejahatan diduga digunakan untuk membeli tanah dan kendaraan.
Kasus terungkap setelah seorang korban melapor ke Polsek {kec}.
# quote
"Kami imbau masyarakat tidak mudah tergiur tawaran keuntungan yang tidak masuk akal," {kata} {jabatan} {pejabat}.
"Uang tabungan untuk sekolah anak habis semua," {kata} {warga}, salah satu korban.
"Penyidik masih menelusuri aliran dana ke rekening lain," {kata} {pejabat_s}.
# caption
Polisi menunjukkan barang bukti kasus {kejahatan} di Mapolres {kota}, {hari_tgl}.
"""),
    "lingkungan": _sections("""
# headline
Kualitas Udara {kota} Masuk Kategori Tidak Sehat
Karhutla di {kota} Meluas hingga {ha} Hektare
Sampah Menumpuk di TPA {kampung}, Warga {kota} Protes
# lead
Kualitas udara di {kota} masuk kategori tidak sehat selama {n1b} hari berturut-turut{kapan}.
Kebakaran hutan dan lahan di {kota}, {prov}, meluas hingga {ha} hektare{kapan}.
Warga sekitar TPA {kampung}, {kota}, memprotes bau menyengat dan tumpukan sampah yang meluber ke jalan{kapan}.
# fact
Indeks standar pencemar udara tercatat mencapai {n2} pada siang hari.
Tim gabungan Manggala Agni, TNI, dan Polri berjibaku memadamkan titik api.
Satelit mendeteksi {n2} titik panas di wilayah {prov} dalam sepekan terakhir.
Sekolah-sekolah di {kota} menerapkan pembelajaran jarak jauh sementara.
Volume sampah yang masuk ke TPA mencapai {n2} ton per hari, melebihi kapasitas.
Dinas Lingkungan Hidup membagikan {n3} masker kepada warga.
Helikopter water bombing dikerahkan untuk menjangkau titik api di lahan gambut.
Pemerintah daerah menetapkan status siaga darurat bencana asap.
# quote
"Asapnya masuk sampai ke dalam rumah, anak-anak mulai batuk," {kata} {warga}, warga {kec}.
"Pemadaman di lahan gambut sulit karena api menjalar di bawah permukaan," {kata} {jabatan} {pejabat}.
"Pengelolaan sampah harus dimulai dari rumah tangga, bukan hanya di TPA," {kata} {pakar}, {pakar_role}.
# caption
Kabut asap menyelimuti {jalan}, {kota}, {hari_tgl}.
Petugas memadamkan api di lahan gambut di {kota}, {prov}.
"""),
    "diplomasi": _sections("""
# headline
Menlu RI Bertemu Menlu {negara} di {kota_dunia}
Indonesia dan {negara} Sepakati Kerja Sama {bidang}
Presiden Terima Kunjungan Perdana Menteri {negara}
# lead
Menteri Luar Negeri RI bertemu Menteri Luar Negeri {negara} di {kota_dunia}{kapan} untuk membahas kerja sama {bidang}.
Indonesia dan {negara} menandatangani nota kesepahaman kerja sama {bidang} di {kota_dunia}{kapan}.
Presiden menerima kunjungan kenegaraan Perdana Menteri {negara} di Istana Merdeka, Jakarta{kapan}.
# fact
Kedua negara sepakat meningkatkan nilai perdagangan bilateral hingga {usd} dolar AS.
Pertemuan juga membahas perlindungan pekerja migran Indonesia di {negara}.
Nilai investasi {negara} di Indonesia tahun lalu tercatat sebesar {usd} dolar AS.
Kedua menteri juga bertukar pandangan mengenai situasi kawasan.
Kerja sama mencakup pelatihan tenaga kerja dan pertukaran pelajar.
Indonesia mendorong {negara} membuka akses pasar bagi produk kelapa sawit dan perikanan.
Kunjungan ini merupakan yang pertama dalam {n1b} tahun terakhir.
Pertemuan berlangsung selama sekitar {menit} menit dan dilanjutkan jamuan makan siang.
# quote
"Hubungan Indonesia dan {negara} berada pada titik terbaik," {kata} Menteri Luar Negeri {pejabat}.
"Kami berharap kesepakatan ini segera diterjemahkan menjadi proyek nyata," {kata} {pejabat2}, duta besar.
"Diplomasi ekonomi menjadi kunci bagi kepentingan nasional saat ini," {kata} {pakar}, {pakar_role}.
# caption
Menteri Luar Negeri RI berjabat tangan dengan Menlu {negara} di {kota_dunia}, {hari_tgl}.
"""),
    "teknologi": _sections("""
# headline
Gangguan {app_t} Hambat Layanan Warga {kota}
Data Pengguna {app_t} Diduga Bocor
Pemkot {kota} Luncurkan {app_t} Baru
# lead
Layanan {app} di {kota} mengalami gangguan sejak pagi{kapan}, membuat ribuan warga tidak dapat mengakses layanan.
Data {n3} pengguna {app} diduga bocor dan diperjualbelikan di forum daring{kapan}.
Pemerintah {kota} meluncurkan {app} baru untuk mempercepat pelayanan publik{kapan}.
# fact
Gangguan disebut berasal dari serangan ransomware terhadap server penyedia.
Tim teknis masih memulihkan sistem dan belum dapat memastikan kapan layanan normal kembali.
Data yang bocor mencakup nama, nomor telepon, dan alamat pengguna.
Badan Siber dan Sandi Negara turun tangan menyelidiki insiden tersebut.
Aplikasi itu telah diunduh lebih dari {n3} kali dalam sepekan pertama.
Warga diimbau segera mengganti kata sandi dan mewaspadai pesan penipuan.
Pengembangan aplikasi menghabiskan anggaran {rp} dan melibatkan {firma}.
Layanan manual dibuka kembali di kantor kecamatan selama gangguan berlangsung.
# quote
"Kami mohon maaf atas ketidaknyamanan ini, tim bekerja 24 jam untuk pemulihan," {kata} {jabatan} {pejabat}.
"Perlindungan data pribadi masih dianggap urusan belakangan oleh banyak instansi," {kata} {pakar}, {pakar_role}.
"Sudah tiga kali bolak-balik, tetapi sistemnya masih tidak bisa," {kata} {warga}, warga {kec}.
# caption
Warga mengantre layanan manual di kantor Kecamatan {kec}, {kota}, {hari_tgl}.
"""),
}

ID_GENERIC = _rows("""
Hingga berita ini diturunkan, pihak terkait belum memberikan keterangan resmi.
Pemerintah {kota} menyatakan akan terus memantau perkembangan situasi di lapangan.
Peristiwa ini menjadi perhatian warga dan ramai dibicarakan di media sosial.
Sejumlah anggota DPRD {kota} meminta pemerintah daerah bergerak cepat.
Warga berharap kejadian serupa tidak terulang di kemudian hari.
Aparat kepolisian berjaga di sekitar lokasi untuk menjaga ketertiban.
Menurut data pemerintah daerah, kejadian serupa pernah terjadi pada {tahun_lalu}.
Pemerintah provinsi {prov} menyatakan siap membantu pemerintah kabupaten dan kota.
Sejumlah relawan dari organisasi kemasyarakatan turut membantu di lokasi.
Situasi di lokasi berangsur kondusif menjelang sore hari.
Camat {kec} {r_orang} mengatakan pihaknya sudah berkoordinasi dengan aparat desa.
Lurah setempat, {r_orang}, meminta warga tetap waspada dan saling membantu.
Anggota Komisi terkait di DPRD {prov}, {r_orang}, menilai penanganan perlu dievaluasi.
Ketua RT setempat, {r_orang}, mengatakan warga sudah lama mengkhawatirkan kondisi tersebut.
Pemerintah pusat disebut telah menerima laporan awal dari pemerintah daerah.
Dana tak terduga sebesar {r_rp} disiapkan untuk penanganan awal.
Data sementara masih dapat berubah seiring pendataan yang dilakukan petugas.
Sebagian warga memilih bertahan dan menjaga harta benda mereka.
Kepala Desa {desa} menyebut warganya membutuhkan air bersih dan obat-obatan.
Rapat koordinasi lintas instansi digelar di kantor bupati untuk membahas langkah lanjutan.
Petugas juga membagikan informasi melalui pengeras suara masjid dan grup percakapan warga.
Hasil evaluasi akan disampaikan kepada publik setelah seluruh data terkumpul.
Pemerintah daerah membuka posko pengaduan di kantor {r_lembaga}.
Sekretaris daerah {kota}, {r_orang}, memimpin langsung rapat penanganan.
Kondisi cuaca di wilayah {prov} diperkirakan masih berubah-ubah dalam sepekan ke depan.
Menurut {r_orang}, warga {r_desa}, kejadian serupa belum pernah dialaminya selama {r_n} tahun tinggal di sana.
Tokoh masyarakat setempat, {r_orang}, mengajak warga menjaga kebersamaan.
Sebanyak {r_n} personel tambahan didatangkan dari {kota2} untuk membantu.
Ombudsman perwakilan {prov} ikut memantau pelayanan kepada warga terdampak.
Pihak kecamatan mencatat laporan warga melalui layanan pesan singkat.
Warga {r_desa} juga diminta melapor bila menemukan hal mencurigakan.
Pemerintah daerah berjanji menyampaikan perkembangan terbaru secara berkala.
Bantuan dari pemerintah provinsi tiba di lokasi pada sore hari.
""")

ID_BACKGROUND_ORGS = _words("""
BPBD|Dinas Sosial|Dinas Kesehatan|Dinas Perhubungan|Dinas Pekerjaan Umum|Polres|Kodim
Dinas Lingkungan Hidup|Dinas Pendidikan|Dinas Perdagangan|Satpol PP|PMI|Basarnas|Bappeda
""")

ID_ROLES = {
    "banjir": "Kepala Pelaksana BPBD {kota}",
    "gempa": "Kepala Pusat Gempa Bumi dan Tsunami BMKG",
    "longsor": "Kepala Pelaksana BPBD {kota}",
    "kebakaran": "Kepala Dinas Pemadam Kebakaran {kota}",
    "kecelakaan": "Kasat Lantas Polres {kota}",
    "kesehatan": "Kepala Dinas Kesehatan {kota}",
    "politik": "Ketua KPU {kota}",
    "ekonomi": "Kepala Dinas Perdagangan {kota}",
    "korupsi": "Kepala Kejaksaan Negeri {kota}",
    "infrastruktur": "Kepala Balai Besar Pelaksanaan Jalan Nasional {prov}",
    "pendidikan": "Kepala Dinas Pendidikan {kota}",
    "olahraga": "Ketua Panitia Pelaksana {klub1}",
    "transportasi": "Kapolres {kota}",
    "kriminal": "Kapolres {kota}",
    "lingkungan": "Kepala Dinas Lingkungan Hidup {kota}",
    "diplomasi": (
        "Direktur Jenderal Asia Pasifik dan Afrika Kemlu",
        "Duta Besar RI untuk {negara}",
    ),
    "teknologi": "Kepala Dinas Komunikasi dan Informatika {kota}",
}

ID_EXPERT = ("pengamat dari Universitas {kampus}", "peneliti {kampus}", "dosen Universitas {kampus}",
             "akademisi Universitas {kampus}", "Guru Besar Universitas {kampus}")  # fmt: skip
CAMPUSES = _words("""
Indonesia|Gadjah Mada|Padjadjaran|Airlangga|Diponegoro|Brawijaya|Hasanuddin|Andalas
Sumatera Utara|Sriwijaya|Udayana|Lambung Mangkurat|Mulawarman|Sam Ratulangi|Cenderawasih
Pattimura|Syiah Kuala|Sebelas Maret|Negeri Jakarta|Jember|Mataram|Nusa Cendana|Tanjungpura
""")

EN_TEXT = {
    "flood": _sections("""
# headline
Floods force thousands from homes in {city}
{river} bursts its banks after days of heavy rain
Residents of {city} begin cleanup as floodwaters recede
# lead
Thousands of people have been forced from their homes in {city} after heavy overnight rain caused the {river} to burst its banks{when}.
Floodwaters swept through low-lying neighborhoods of {city}, {country}{when}, cutting power to {n3} homes.
Emergency crews in {city} rescued {n2} people from rooftops and cars{when} as floodwaters kept rising.
# fact
The national disaster agency said more than {n3} people had moved to temporary shelters in schools and community halls.
Some parts of the {district} district were under {m_small} meters of water by midday.
Officials said {n1} people had died and {n1b} were still missing.
Rail services between {city} and {city2} were suspended until further notice.
Forecasters warned that more rain was expected over the next {n4} days.
Volunteers handed out drinking water and blankets at evacuation centers.
The flooding is the worst the region has seen in {n1b} years, according to local officials.
Critics say years of unchecked construction on flood plains made the disaster worse.
Insurance groups estimated the damage at {usd} dollars.
# quote
"The water came up to our roof in less than an hour. We only had time to take our documents," said {resident}, a {age}-year-old street vendor.
"Our priority is to get people out of danger and make sure nobody is left behind," {official} {say}.
"This is what climate scientists have been warning about for years," said {expert}, {expert_role}.
# caption
Residents wade through floodwater in the {district} neighborhood of {city}
Rescue workers carry a child to a rubber boat in {city}.
"""),
    "quake": _sections("""
# headline
Magnitude {mag} earthquake shakes {city}
Quake damages hundreds of buildings near {city}
Aftershocks rattle {city} as rescuers search rubble
# lead
A magnitude {mag} earthquake struck near {city}, {country}{when}, sending residents running into the streets.
Rescuers in {city} searched through collapsed buildings{when} after a strong earthquake hit the region.
An earthquake of magnitude {mag} damaged {n2} buildings near {city}{when}, officials said.
# fact
The quake struck at a depth of {depth} kilometers, according to the U.S. Geological Survey.
No tsunami warning was issued.
At least {n1} people were killed and {n2} injured, the health ministry said.
More than {n1b} aftershocks were recorded in the first 24 hours.
Schools in the area were closed while engineers inspected buildings.
Hospitals set up tents outside to treat the injured.
The region sits on several active fault lines and has a history of deadly quakes.
Power and mobile phone service were cut in parts of the {district} district.
# quote
"Everything started shaking and the walls cracked in front of me," said {resident}, a resident of {district}.
"Search and rescue teams will keep working through the night," {official} {say}.
"Buildings in this area were not built to withstand a quake of this size," said {expert}, {expert_role}.
# caption
Rescuers search through the rubble of a collapsed building in {city}.
Residents gather outside their homes after the earthquake in {city}.
"""),
    "election": _sections("""
# headline
{candidate} leads early count in {city} mayoral race
Voters in {city} head to the polls in tight contest
{candidate} concedes after close {city} election
# lead
Voters in {city} went to the polls{when} in a closely fought mayoral race between {candidate} and {candidate2}.
{candidate} held a narrow lead in early returns from the {city} mayoral election{when}.
{candidate2} conceded the {city} mayoral race{when} after a count that lasted more than a day.
# fact
Turnout was estimated at {percent_en}, higher than in the last election.
Housing costs and public safety dominated the campaign.
Election officials said {n3} mail-in ballots were still being counted.
{candidate} ran on a promise to expand public transit and build more affordable housing.
{candidate2} had the backing of the city's largest business groups.
Long lines were reported at several polling stations in the {district} district.
The winner will take office in January for a four-year term.
Both campaigns spent a combined {usd} dollars on advertising.
# quote
"People want a city they can afford to live in," {candidate} told supporters.
"Every vote will be counted, and we will respect the result," {candidate2} {say}.
"This race was about who voters trust on the cost of living," said {expert}, {expert_role}.
# caption
Voters line up outside a polling station in {city}.
{candidate} speaks to supporters at an election night party in {city}.
"""),
    "housing": _sections("""
# headline
{city} council approves plan to turn offices into apartments
{city} rents hit record high as vacancy rate falls
Tenants rally at {city} city hall over evictions
# lead
The {city} city council voted {vote}{when} to approve a plan that would convert vacant downtown office buildings into affordable apartments.
Average rents in {city} rose to a record {usd_small} dollars a month, a new report found{when}.
Hundreds of tenants rallied outside {city} city hall{when}, demanding stronger protections against eviction.
# fact
Under the measure, developers would receive a {n1b}-year property tax break if at least {percent_en} of the new units are set aside for low-income renters.
{official} said the city could add as many as {n3} homes by {next_year}.
The vacancy rate fell to its lowest level in more than a decade.
Council member {council} voted against the plan, saying the tax breaks were too generous.
Eviction filings rose sharply after pandemic-era protections expired.
Housing advocates say the plan does not go far enough.
The city has lost thousands of rent-controlled apartments over the past decade.
A public hearing on the proposal drew more than {n2} speakers.
# quote
"We're not going to stop until every family in this city has a safe place to live," {official} {say}.
"This is a giveaway to developers dressed up as housing policy," {council} said.
"I have lived here for {n1b} years and I have never seen rents like this," said {resident}, a tenant in {district}.
# caption
Tenants rally outside city hall in {city}.
An empty office tower in downtown {city}.
"""),
    "economy": _sections("""
# headline
Central bank holds rates steady as inflation eases
{country} economy grows {percent_small} in third quarter
Food prices push inflation higher in {country}
# lead
The central bank of {country} kept its benchmark interest rate unchanged{when}, saying inflation was moving back toward its target.
The economy of {country} grew {percent_small} in the latest quarter, official figures showed{when}.
Inflation in {country} rose to {percent_small} last month, driven by higher food and energy prices{when}.
# fact
Economists had expected the decision.
Consumer spending, which makes up more than half of the economy, rose modestly.
The currency weakened slightly after the announcement.
Exports fell for the {ordinal_en} month in a row as demand from major trading partners slowed.
The government has promised new measures to support small businesses.
Unemployment remained near {percent_small}, little changed from a year earlier.
Analysts said the bank could cut rates as soon as next quarter.
Prices for rice, cooking oil and vegetables rose the most.
# quote
"We are seeing progress, but the job is not done," {official} {say}.
"Households are still feeling the squeeze from higher prices," said {expert}, {expert_role}.
"Our sales have dropped by almost a third this year," said {resident}, who runs a grocery store in {city}.
# caption
Shoppers at a market in {city}.
"""),
    "wildfire": _sections("""
# headline
Wildfire forces evacuations near {city}
Firefighters gain ground on blaze outside {city}
Smoke from wildfires blankets {city}
# lead
A fast-moving wildfire forced thousands of people to flee their homes near {city}{when} as strong winds pushed the flames toward the suburbs.
Firefighters made progress{when} against a wildfire that has burned more than {n3} acres outside {city}.
Smoke from wildfires burning near {city} pushed air quality to hazardous levels{when}.
# fact
The fire was {percent_en} contained by Wednesday evening, officials said.
At least {n2} homes were destroyed.
More than {n3} firefighters from across the region were battling the blaze.
Schools closed and residents were told to stay indoors.
The cause of the fire is under investigation.
Hot, dry weather and gusty winds are expected to continue through the weekend.
Evacuation orders remained in place for the {district} area.
# quote
"We grabbed the kids and the dog and just drove," said {resident}, who fled with her family.
"Conditions are extremely dangerous and can change quickly," {official} {say}.
"Fire seasons are getting longer and more intense," said {expert}, {expert_role}.
# caption
A firefighter battles flames near {city}.
Smoke rises over hills outside {city}.
"""),
    "transit": _sections("""
# headline
Transit workers strike in {city}, stranding commuters
{city} opens new metro line after years of delays
Fare increase for {city} buses and trains approved
# lead
Bus and train workers in {city} walked off the job{when}, leaving hundreds of thousands of commuters scrambling for other ways to get to work.
The long-delayed {district} metro line opened to passengers in {city}{when}.
Transit officials in {city} approved a fare increase{when} to close a budget gap.
# fact
The union is demanding a {percent_en} raise over three years.
The new line cost {usd} dollars and runs {n1b} miles.
Officials expect {n3} riders a day on the new line.
Traffic on major roads was heavier than usual during the morning rush.
Fares will rise by {n1b}% starting next month.
Talks between the union and the transit agency broke down late Monday.
The project was years behind schedule and far over budget.
# quote
"We don't want to strike, but we have been left with no choice," said union leader {council}.
"This line will change how people move around the city," {official} {say}.
"I had to pay for a taxi three times this week," said {resident}, a nurse.
# caption
Commuters wait for a bus in {city}.
Passengers board a train on the new line in {city}.
"""),
    "health": _sections("""
# headline
{disease_en} cases rise in {city}
Health officials urge vaccinations as {disease_en} spreads
Hospitals in {city} strained by {disease_en} outbreak
# lead
Health officials in {city} reported {n3} cases of {disease_en}{when}, a sharp rise from a month earlier.
Hospitals in {city} are struggling to cope with a surge in {disease_en} patients{when}.
Authorities in {country} launched a vaccination campaign{when} as {disease_en} cases climbed.
# fact
Most cases have been among children under the age of {n1b}.
At least {n1} deaths have been linked to the outbreak.
Clinics extended their opening hours to handle the demand.
Health workers are going door to door in the worst-affected neighborhoods.
Officials said {n3} doses of vaccine had been distributed.
Doctors say many patients waited too long before seeking care.
# quote
"We are asking parents to check that their children's vaccinations are up to date," {official} {say}.
"The emergency room has been full every night this week," said {expert}, {expert_role}.
"My son had a fever for four days before we got an appointment," said {resident}.
# caption
A health worker gives a vaccine to a child in {city}.
"""),
    "court": _sections("""
# headline
Court blocks {city} rule on short-term rentals
Judge rules against {firm} in {city} contract dispute
Appeals court upholds conviction of former {city} official
# lead
A federal judge{when} blocked a {city} rule that would have banned most short-term rentals.
A judge in {city} ruled{when} that {firm} breached its contract with the city.
An appeals court{when} upheld the bribery conviction of a former {city} official.
# fact
The ruling is likely to be appealed.
The city had argued that the rule was needed to protect housing supply.
{firm} was ordered to pay {usd} dollars in damages.
The former official was sentenced to {n1b} years in prison last year.
The case drew attention to how city contracts are awarded.
Lawyers for both sides declined to comment after the hearing.
# quote
"The court has made clear that the city overstepped its authority," said {council}, a lawyer for the plaintiffs.
"We are reviewing the decision and considering our options," {official} {say}.
"This ruling will shape how cities regulate rentals for years," said {expert}, {expert_role}.
# caption
The courthouse in {city}.
"""),
    "football": _sections("""
# headline
{club1} beat {club2} {score_en}
{club1} held to draw by {club2}
{coach} praises {club1} after comeback win
# lead
{club1} beat {club2} {score_en}{when}, moving up the table with their {ordinal_en} straight win.
{club1} came from behind to beat {club2} {score_en} at home{when}.
{coach} said his {club1} side showed character in a {score_en} win over {club2}{when}.
# fact
{player} opened the scoring with a header after {minute} minutes.
{club2} had a player sent off early in the second half.
A crowd of {n3} watched the match.
The win lifts {club1} to {ordinal_en} place in the standings.
{player2} equalized from the penalty spot before halftime.
{club1} travel to face their rivals next weekend.
# quote
"The players never stopped believing," {coach} said.
"We made too many mistakes and we were punished," said {club2} coach {coach2}.
"It was a special night for me and for the fans," {player} said.
# caption
{club1} players celebrate a goal against {club2}.
"""),
    "diplomacy": _sections("""
# headline
Foreign ministers of {country} and {country2} meet in {city}
{country} and {country2} sign trade pact
Talks in {city} end without agreement
# lead
The foreign ministers of {country} and {country2} met in {city}{when} to discuss trade and regional security.
{country} and {country2} signed a trade agreement in {city}{when} that cuts tariffs on hundreds of goods.
Talks between {country} and {country2} in {city} ended{when} without a deal.
# fact
The agreement is expected to raise trade between the two countries by {percent_en}.
The ministers also discussed migrant workers and maritime security.
It was the first visit by a minister from {country2} in {n1b} years.
Officials said further talks would be held next month.
The meeting lasted about {minute} minutes.
Protesters gathered outside the venue.
# quote
"This is a new chapter in our relationship," {official} {say}.
"We still have differences, but we agreed to keep talking," said {council}, a senior official.
"Both sides need this deal more than they admit," said {expert}, {expert_role}.
# caption
The two foreign ministers shake hands in {city}.
"""),
    "tech": _sections("""
# headline
Data breach at {firm} exposes customer records
Outage hits {firm} services across {country}
{firm} to cut {n2} jobs
# lead
{firm} said{when} that hackers had stolen the personal data of {n3} customers.
Customers of {firm} across {country} were unable to use its services for several hours{when}.
{firm} announced{when} that it would cut {n2} jobs as it reorganizes.
# fact
The company said the stolen data included names, email addresses and phone numbers.
The outage was caused by a faulty software update, the company said.
Shares of {firm} fell {percent_small} in early trading.
Regulators said they were looking into the incident.
The company has hired outside experts to investigate.
The job cuts amount to about {percent_en} of the workforce.
# quote
"We take the security of our customers' information very seriously," {official} {say}.
"Companies keep collecting more data than they can protect," said {expert}, {expert_role}.
"I couldn't pay for anything all morning," said {resident}, a customer in {city}.
# caption
The {firm} headquarters in {city}.
"""),
}

ID_TOPICS = tuple(ID_TEXT)
EN_TOPICS = tuple(EN_TEXT)

EN_GENERIC = _rows("""
Officials said they would release more details later in the week.
The situation remained tense late into the evening.
Local media reported that several roads had been closed.
It was not immediately clear how many people were affected.
The government said it would review what went wrong.
A spokesperson for {r_org} did not respond to a request for comment.
Residents said they had been warned about the problem for years.
The city has faced similar problems in the past.
{r_person}, a local business owner, said customers had stayed away.
Community groups organized collections of food and clothing.
The mayor's office said an update would be provided on Thursday.
Opposition lawmakers called for an independent inquiry.
The issue has become a major topic ahead of next year's elections.
Social media posts showed long lines and crowded streets.
Police said there had been no arrests.
{r_person}, who lives nearby, said the neighborhood had changed a lot in recent years.
Emergency services urged people to follow official guidance.
Officials estimated the cost at about {r_usd} dollars.
Several schools in the area were closed for the day.
The full impact may not be known for weeks.
Business groups said they were worried about the effect on jobs.
The national government pledged {r_usd} dollars in aid.
Analysts said the decision could have wider consequences.
""")

# Sentences assembled from parts (subject, verb, clause, time), so that the
# filler differs from article to article as real reporting does.
ID_SUBJECTS = _rows("""
Warga {desa}
Pemerintah {kota}
Sejumlah warga {kec}
{r_orang}, {r_peran},
Anggota DPRD {kota} {r_orang}
Para pedagang di Pasar {pasar}
Kalangan pengusaha di {kota}
Perwakilan mahasiswa Universitas {kampus}
Kepala {r_lembaga} {kota}, {r_orang},
Forum warga {r_desa}
{r_orang}, warga {r_desa},
Lembaga swadaya masyarakat setempat
Pengurus RW di {kec}
""")
ID_VERBS = _words(
    "meminta agar|berharap|mendesak agar|menilai|mengusulkan agar|mengingatkan bahwa|menyebut|menegaskan bahwa|mengakui|menyayangkan bahwa"
)
ID_CLAUSES = _rows("""
pemerintah segera memperbaiki {r_fasilitas} di {r_desa}
bantuan untuk warga {r_desa} disalurkan lebih merata
anggaran {r_rp} dialokasikan untuk {r_program}
{r_fasilitas} di {kec} sudah lama tidak terawat
koordinasi antarinstansi masih perlu diperbaiki
data penerima bantuan diperbarui setiap {r_n} hari
pengawasan di {r_fasilitas} diperketat
warga dilibatkan dalam {r_program}
{r_program} di {kota} belum menjangkau warga {r_desa}
sekitar {r_n} persen warga {r_desa} belum mendapat informasi yang cukup
{r_fasilitas} baru di {r_desa} belum dimanfaatkan dengan baik
laporan warga soal {r_fasilitas} kerap tidak ditanggapi
pemerintah kecamatan membuka layanan pengaduan untuk {r_program}
harga kebutuhan pokok di {r_desa} naik sejak {r_n} hari terakhir
{r_program} perlu dievaluasi secara menyeluruh
""")
ID_TIMES = [
    *_rows("""
dalam waktu dekat
sebelum akhir tahun
pekan depan
secepatnya
tahun ini
agar kejadian serupa tidak terulang
demi kepentingan warga
sejak beberapa tahun terakhir
menjelang musim hujan
"""),
    "",
    "",
    "",
]
R_FASILITAS = _words(
    "saluran drainase|jalan desa|jembatan penyeberangan|puskesmas pembantu|lampu penerangan jalan|tanggul|pos ronda|pasar rakyat|gedung sekolah|pintu air|sumur bor|rumah pompa|taman kota|halte bus|trotoar|balai warga|tempat pembuangan sampah sementara|jaringan pipa air bersih"
)
R_PROGRAM = _words(
    "program padat karya|pelatihan kebencanaan|penataan kawasan|program bedah rumah|bantuan langsung tunai|pengembangan UMKM|rehabilitasi lahan|program makan bergizi|vaksinasi massal|perbaikan sanitasi|beasiswa pelajar|pelatihan kerja|kampung iklim|bank sampah"
)
R_PERAN = _words(
    "tokoh pemuda setempat|pengurus masjid|pemilik warung|sopir angkot|petani|nelayan|guru|mahasiswa|ibu rumah tangga|pengemudi ojek daring|ketua RW|bidan desa|pedagang kaki lima|buruh pabrik|pensiunan"
)

EN_SUBJECTS = _rows("""
Residents of {district}
{r_person}, a {r_job},
City officials
Local business owners
Community leaders in {city}
Council member {r_person}
Several neighbors
A spokesperson for {r_org}
{r_person}, who has lived in {district} for {r_n} years,
Advocacy groups
""")
EN_VERBS = _words(
    "said|argued that|warned that|complained that|noted that|insisted that|acknowledged that"
)
EN_CLAUSES = _rows("""
the {r_facility} in {district} had been neglected for years
more money should go to {r_program}
the city needed to move faster
repairs to the {r_facility} were long overdue
prices at local shops had risen {r_n}% in a year
the plan would cost about {r_usd} dollars
nobody had explained what would happen next
the {r_program} had reached only a fraction of the people who need it
the {r_facility} near {district} was closed for most of the week
officials had ignored complaints about the {r_facility}
the {r_program} should be expanded to other neighborhoods
""")
EN_TIMES = [
    *_rows("""
this year
before the winter
as soon as possible
in the coming weeks
over the past decade
"""),
    "",
    "",
    "",
]
R_FACILITY = _words(
    "drainage system|community center|bus depot|public library|health clinic|playground|water main|footbridge|subway station|fire station|public pool|parking garage|recycling center"
)
R_PROGRAM_EN = _words(
    "rental assistance program|job training program|school meals program|flood prevention plan|small business grants|street repair plan|youth sports league|senior care program|tree planting effort"
)
R_JOB = _words(
    "teacher|nurse|bus driver|shop owner|retired engineer|student|restaurant worker|landlord|taxi driver|pharmacist|construction worker"
)


EN_EXPERT = ("a professor at {university}", "an analyst at {think}", "a researcher at {university}",
             "director of {think}")  # fmt: skip
UNIVERSITIES = _words("""
the University of Melbourne|Columbia University|the London School of Economics|Kyoto University
the National University of Singapore|the University of Toronto|Stanford University
the University of Cape Town|Sciences Po|Georgetown University|the University of Sydney
""")
THINK_TANKS = _words("""
the Lowy Institute|the Brookings Institution|Chatham House|the Urban Institute
the Center for Strategic and International Studies|the Peterson Institute|Bruegel
""")
EN_ORGS = _words("the city|the ministry|the agency|the police|the utility|the company|the union")
EN_DISEASES = _words("measles|dengue|cholera|influenza|whooping cough|mpox|tuberculosis")
EN_OFFICIAL_ROLES = {
    "flood": "disaster agency chief",
    "quake": "civil defense director",
    "election": "election commissioner",
    "housing": "Mayor",
    "economy": "central bank governor",
    "wildfire": "fire chief",
    "transit": "transit authority head",
    "health": "health commissioner",
    "court": "city attorney",
    "football": "club chairman",
    "diplomacy": "foreign minister",
    "tech": "chief executive",
}

# ---- outlets --------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    name: str  # as the pipeline names it, and the Category
    lang: str
    dateline: str  # format string, "" for none; {CITY}/{city}
    credit: str  # credit style key
    spacing: str  # paragraph separator in the raw file
    sentences: tuple[int, int]  # sentences per paragraph
    weight: int


ID_OUTLETS = (
    Outlet("Kompas", "id", "{CITY}, KOMPAS.com - ", "kompas", "\n\n", (1, 2), 10),
    Outlet("Tribunnews", "id", "TRIBUNNEWS.COM - ", "tribun", "\n", (1, 1), 10),
    Outlet("Tribunnews", "id", "TRIBUNNEWS.COM, {CITY} - ", "tribun", "\n", (1, 1), 5),
    Outlet("Detik", "id", "", "detik", "\n", (1, 2), 7),
    Outlet("CNN Indonesia", "id", "{city}, CNN Indonesia -- ", "cnn", "\n", (1, 2), 6),
    Outlet("Liputan6", "id", "Liputan6.com, {city} - ", "liputan6", "\n\n", (1, 2), 6),
    Outlet("Antara", "id", "{city} (ANTARA) - ", "antara", "\n", (1, 2), 7),
    Outlet("Okezone", "id", "{CITY} - ", "okezone", "\n", (1, 1), 5),
    Outlet("Tempo", "id", "TEMPO.CO, {city} - ", "none", "\n\n", (1, 3), 5),
    Outlet("Republika", "id", "REPUBLIKA.CO.ID, {CITY} -- ", "republika", "\n", (1, 2), 4),
    Outlet("Gatra", "id", "{city}, Gatra.com - ", "none", "\n", (1, 3), 3),
    Outlet("Suaranusantara", "id", "Suaranusantara.com – ", "discussion", "\n", (1, 3), 2),
    Outlet("Kumparan", "id", "", "fuente", "\n\n", (1, 2), 3),
    Outlet("Sindonews", "id", "{CITY} - ", "none", "\n", (1, 2), 3),
)
EN_OUTLETS = (
    Outlet("AP", "en", "{CITY} (AP) — ", "ap", "\n", (1, 2), 8),
    Outlet("Reuters", "en", "{CITY} (Reuters) - ", "reuters", "\n", (1, 2), 6),
    Outlet("BBC", "en", "", "bbc", "\n", (1, 2), 4),
    Outlet("Al Jazeera", "en", "", "none", "\n\n", (1, 2), 2),
    Outlet("The Guardian", "en", "", "none", "\n\n", (1, 3), 2),
)
INITIALS = _words("rdp|imk|lna|wis|fra|bay|isa|mei|ygs|dna|gil|ain|fas|tor|wil|sun|rah|zap")


# ---- stories ----------------------------------------------------------------


@dataclass
class Story:
    number: int
    lang: str
    topic: str
    start: date
    days: int
    slots: dict[str, str]
    headlines: list[str] = field(default_factory=list)


def _local_name(rng: Random) -> str:
    prefix, root = rng.choice(LOCAL_PREFIX), rng.choice(LOCAL_ROOT)
    if prefix.endswith(("i", "a", "u", "o", "e")) and len(prefix) <= 2:
        return prefix + root
    return f"{prefix} {root.capitalize()}"


def _id_person(rng: Random) -> str:
    return f"{rng.choice(ID_FIRST)} {rng.choice(ID_LAST)}"


def _en_person(rng: Random) -> str:
    return f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"


def _id_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _id_decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _rupiah(rng: Random) -> str:
    if rng.random() < 0.5:
        return f"Rp {_id_decimal(rng.uniform(1.1, 9.9))} miliar"
    return f"Rp {rng.randint(120, 950)} juta"


def _short(name: str) -> str:
    return name.split()[-1] if " " in name else name


def _story_slots(rng: Random, lang: str, topic: str, start: date) -> dict[str, str]:
    """Everything a story's sentences may name, drawn once per story."""
    s: dict[str, str] = {}
    n_big = rng.randint(1_200, 90_000)
    if lang == "id":
        kota, prov = rng.choice(ID_CITIES)
        kota2 = rng.choice([c for c, p in ID_CITIES if p == prov and c != kota] or [kota])
        if kota2 == kota:
            kota2 = rng.choice(ID_CITIES)[0]
        road_name = rng.choice(ID_LAST + ID_FIRST)
        s.update(
            kota=kota, prov=prov, kota2=kota2,
            kec=_local_name(rng), kec2=_local_name(rng), desa=_local_name(rng),
            kampung=_local_name(rng), kampung2=_local_name(rng),
            jalan=f"Jalan {road_name} {rng.choice(['Raya', 'Barat', 'Timur', 'Utara', 'Selatan', 'Dalam', ''])}".strip(),
            sungai=rng.choice(RIVERS), pasar=_local_name(rng),
            rs=f"RSUD {_local_name(rng)}",
            sekolah=f"{rng.choice(['SD', 'SMP', 'SMA', 'SMK'])} Negeri {rng.randint(1, 12)} {kota}",
            masjid=f"Masjid {rng.choice(['Al-Ikhlas', 'Nurul Huda', 'Al-Falah', 'Baiturrahman', 'At-Taqwa', 'Al-Hidayah'])}",
            gedung=f"Gedung {rng.choice(['Serba Guna', 'Kesenian', 'Olahraga', 'Pertemuan'])} {kota}",
            tol=f"Tol {rng.choice(['Cipularang', 'Cikampek', 'Jagorawi', 'Semarang-Solo', 'Pandaan-Malang', 'Medan-Binjai', 'Trans Sumatera', 'Palimanan', 'Pejagan', 'Surabaya-Mojokerto', 'Bawen', 'Balikpapan-Samarinda'])}",
            kampus=rng.choice(CAMPUSES),
            pejabat=_id_person(rng), pejabat2=_id_person(rng), warga=_id_person(rng),
            pakar=_id_person(rng), calon=_id_person(rng), calon2=_id_person(rng),
            tersangka=f"{rng.choice(ID_FIRST)[0]}{rng.choice('ABDHKMRSTW')}",
            pelatih=_id_person(rng), pelatih2=_id_person(rng),
            pemain=_id_person(rng), pemain2=_id_person(rng),
            partai=rng.choice(PARTIES), partai2=rng.choice(PARTIES),
            partai3=rng.choice(PARTIES), partai4=rng.choice(PARTIES),
            komoditas=rng.choice(COMMODITIES), penyakit=rng.choice(DISEASES),
            kendaraan=rng.choice(VEHICLES), po=rng.choice(BUS_COMPANIES),
            proyek=rng.choice(PROJECTS), infra=rng.choice(INFRA), kejahatan=rng.choice(CRIMES),
            app=rng.choice(APPS), negara=rng.choice(COUNTRIES_ID),
            kota_dunia=rng.choice(WORLD_CITIES)[0], firma=rng.choice(FIRMS),
            bidang=rng.choice(["perdagangan", "energi", "pendidikan", "pertahanan", "kesehatan",
                               "perikanan", "pariwisata", "ketenagakerjaan", "digital"]),
            arah=rng.choice(["barat daya", "timur laut", "tenggara", "barat laut", "selatan", "utara"]),
            stadion=rng.choice(STADIUMS),
        )  # fmt: skip
        clubs = rng.sample(CLUBS, 2)
        s.update(klub1=clubs[0], klub2=clubs[1], skor=f"{rng.randint(1, 4)}-{rng.randint(0, 2)}")
        s["pejabat_s"] = _short(s["pejabat"])
        s["jabatan"] = ID_ROLES[topic]
        s["pakar_role"] = rng.choice(ID_EXPERT)
        cm = rng.randint(6, 18) * 10
        s.update(
            n1=str(rng.randint(2, 40)), n1b=str(rng.randint(2, 12)), n2=str(rng.randint(25, 950)),
            n2b=str(rng.randint(60, 800)), n3=_id_number(n_big),
            n3b=_id_number(rng.randint(800, 60_000)), n4=str(rng.randint(3, 14)),
            cm=str(cm), cm_low=str(rng.randint(2, cm // 20) * 10), ha=_id_number(rng.randint(12, 4_000)),
            m=str(rng.randint(5, 60)), m_small=_id_decimal(rng.uniform(1.5, 6)),
            mag=_id_decimal(rng.uniform(4.0, 6.9)), mag_small=_id_decimal(rng.uniform(2.5, 3.9)),
            depth=str(rng.randint(5, 120)), mmi=rng.choice(["II-III", "III", "III-IV", "IV", "V"]),
            km=str(rng.randint(12, 180)), km2=str(rng.randint(12, 180)), km_macet=str(rng.randint(2, 15)),
            jam=f"{rng.randint(10, 23)}.{rng.choice(['00', '15', '30', '45'])}",
            jam_n=str(rng.randint(2, 9)), menit=str(rng.randint(4, 88)),
            rp=_rupiah(rng), rp2=_rupiah(rng), persen=f"{_id_decimal(rng.uniform(8, 95))} persen",
            persen_small=f"{_id_decimal(rng.uniform(1.2, 6.5))} persen",
            harga=_id_number(rng.randint(8, 120) * 1000), harga2=_id_number(rng.randint(6, 90) * 1000),
            usd=f"{rng.randint(2, 40)} miliar", tahun_lalu=str(start.year - 1),
            tahun_depan=str(start.year + rng.randint(1, 3)),
        )  # fmt: skip
        s["komoditas_t"] = s["komoditas"].title()
        s["penyakit_t"] = s["penyakit"].title() if len(s["penyakit"]) < 20 else "DBD"
        s["kendaraan_t"] = s["kendaraan"].capitalize()
        s["proyek_t"] = s["proyek"].title()
        s["infra_t"] = s["infra"].title()
        s["kejahatan_t"] = s["kejahatan"].title()
        s["app_t"] = s["app"].title()
    else:
        city, country = rng.choice(WORLD_CITIES)
        city2 = rng.choice(WORLD_CITIES)[0]
        country2 = rng.choice([c for _, c in WORLD_CITIES if c != country])
        clubs = rng.sample(EN_CLUBS, 2)
        official = _en_person(rng)
        s.update(
            city=city, country=country, country2=country2, city2=city2,
            district=f"{rng.choice(EN_LAST)} {rng.choice(['Park', 'Heights', 'Hill', 'Valley', 'Harbor', 'East', 'West', 'Central'])}",
            river=f"{rng.choice(EN_LAST)} River", resident=_en_person(rng),
            official=f"{EN_OFFICIAL_ROLES[topic]} {official}", council=_en_person(rng),
            expert=_en_person(rng), candidate=_en_person(rng), candidate2=_en_person(rng),
            coach=_en_person(rng), coach2=_en_person(rng), player=_en_person(rng),
            player2=_en_person(rng), club1=clubs[0], club2=clubs[1], firm=rng.choice(EN_FIRMS),
            disease_en=rng.choice(EN_DISEASES), age=str(rng.randint(24, 78)),
            n1=str(rng.randint(2, 40)), n1b=str(rng.randint(2, 12)), n2=str(rng.randint(25, 950)),
            n3=f"{n_big:,}", n4=str(rng.randint(2, 6)), mag=f"{rng.uniform(4.5, 7.4):.1f}",
            depth=str(rng.randint(8, 90)), m_small=f"{rng.uniform(1, 3):.1f}",
            percent_en=f"{rng.randint(10, 85)}%", percent_small=f"{rng.uniform(0.3, 7.5):.1f}%",
            usd=f"{rng.randint(2, 900)} million", usd_small=f"{rng.randint(150, 3200):,}",
            vote=f"{rng.randint(7, 12)}-{rng.randint(1, 5)}", next_year=str(start.year + rng.randint(3, 8)),
            score_en=f"{rng.randint(1, 4)}-{rng.randint(0, 2)}", minute=str(rng.randint(4, 88)),
            ordinal_en=rng.choice(["second", "third", "fourth", "fifth", "sixth"]),
        )  # fmt: skip
        s["expert_role"] = rng.choice(EN_EXPERT).format(
            university=rng.choice(UNIVERSITIES), think=rng.choice(THINK_TANKS)
        )
    return s


_SLOT = re.compile(r"\{(\w+)\}")


def _fill(template: str, slots: dict[str, str], rng: Random, lang: str) -> str:
    def value(match: re.Match) -> str:
        key = match.group(1)
        if key == "kata":
            return rng.choice(ID_SAY)
        if key == "say":
            return rng.choice(EN_SAY)
        if key == "r_orang":
            return _id_person(rng)
        if key == "r_person":
            return _en_person(rng)
        if key == "r_n":
            return str(rng.randint(3, 60))
        if key == "r_rp":
            return _rupiah(rng)
        if key == "r_usd":
            return f"{rng.randint(2, 500)} million"
        if key == "r_desa":
            return _local_name(rng)
        if key == "r_lembaga":
            return rng.choice(ID_BACKGROUND_ORGS)
        if key == "r_org":
            return rng.choice(EN_ORGS)
        if key == "r_fasilitas":
            return rng.choice(R_FASILITAS)
        if key == "r_program":
            return rng.choice(R_PROGRAM if lang == "id" else R_PROGRAM_EN)
        if key == "r_peran":
            return rng.choice(R_PERAN)
        if key == "r_facility":
            return rng.choice(R_FACILITY)
        if key == "r_job":
            return rng.choice(R_JOB)
        found = slots[key]
        return _SLOT.sub(value, found) if "{" in found else found

    text = _SLOT.sub(value, template)
    return text[:1].upper() + text[1:]


def composed(lang: str, rng: Random) -> str:
    """A filler sentence template assembled from parts."""
    if lang == "id":
        parts = (ID_SUBJECTS, ID_VERBS, ID_CLAUSES, ID_TIMES)
    else:
        parts = (EN_SUBJECTS, EN_VERBS, EN_CLAUSES, EN_TIMES)
    subject, verb, clause, time = (rng.choice(part) for part in parts)
    return " ".join(word for word in (subject, verb, clause, time) if word) + "."


# ---- articles ----------------------------------------------------------------


@dataclass
class Block:
    """One paragraph of the raw file; `clean` is what stays after cleaning
    (None for debris)."""

    raw: str
    clean: str | None


@dataclass
class Generated:
    identifier: str
    outlet: Outlet
    day: date
    title: str
    author: str
    raw: str
    paragraphs: list[str]


def _when(rng: Random, lang: str, day: date) -> tuple[str, str]:
    """The lead's time phrase: explicit date, weekday only, or nothing;
    and the short `hari (d/m/yyyy)` form used in captions."""
    roll = rng.random()
    if lang == "id":
        hari = ID_WEEKDAYS[day.weekday()]
        numeric = f"{hari} ({day.day}/{day.month}/{day.year})"
        if roll < 0.55:
            part = f" {rng.choice(DAY_PARTS)}" if rng.random() < 0.4 else ""
            return f", {numeric}{part}", numeric
        if roll < 0.8:
            pattern = rng.choice((" pada {h} {p}", " {h} {p}", " pada hari {h}"))
            return pattern.format(h=hari, p=rng.choice(DAY_PARTS)), hari
        return "", hari
    weekday = EN_WEEKDAYS[day.weekday()]
    if roll < 0.45:
        month = EN_MONTHS[day.month - 1]
        return f" on {weekday}, {month} {day.day}, {day.year}", weekday
    if roll < 0.8:
        return f" on {weekday}", weekday
    return "", weekday


def _caption_variant(rng: Random, caption: str) -> str:
    """The same caption scraped a second time, slightly different."""
    choices = ["period", "space"]
    if '"' in caption:
        choices.append("quotes")
    kind = rng.choice(choices)
    if kind == "quotes":
        return re.sub(r'"([^"]*)"', "“\\1”", caption)
    if kind == "period" and caption.endswith("."):
        return caption[:-1]
    if kind == "period":
        return caption + "."
    words = caption.split(" ")
    at = rng.randint(1, max(1, len(words) - 1))
    return " ".join(words[:at]) + "  " + " ".join(words[at:])


class Generator:
    def __init__(self, count: int):
        self.count = count
        self.rng = Random(SEED * 100_003 + count)
        self.reporters: dict[str, list[str]] = {}
        for outlet in (*ID_OUTLETS, *EN_OUTLETS):
            person = _id_person if outlet.lang == "id" else _en_person
            self.reporters.setdefault(outlet.name, [person(self.rng) for _ in range(8)])
        self.editors = [_id_person(self.rng) for _ in range(20)]

    def stories(self) -> list[Story]:
        rng = self.rng
        stories, total = [], 0
        while total < self.count:
            lang = "id" if rng.random() < SHARE_INDONESIAN else "en"
            topic = rng.choice(ID_TOPICS if lang == "id" else EN_TOPICS)
            start = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
            story = Story(
                number=len(stories),
                lang=lang,
                topic=topic,
                start=start,
                days=rng.randint(1, 4),
                slots=_story_slots(rng, lang, topic, start),
            )
            size = min(rng.choices(STORY_SIZES, STORY_SIZE_WEIGHTS)[0], self.count - total)
            story.headlines = [self._headline(story) for _ in range(size)]
            stories.append(story)
            total += size
        return stories

    def _headline(self, story: Story) -> str:
        texts = ID_TEXT if story.lang == "id" else EN_TEXT
        template = self.rng.choice(texts[story.topic]["headline"])
        return _fill(template, story.slots, self.rng, story.lang)

    def articles(self) -> list[Generated]:
        stories = self.stories()
        headlines = {
            lang: [(s.number, h) for s in stories if s.lang == lang for h in s.headlines]
            for lang in ("id", "en")
        }
        made = []
        for story in stories:
            for headline in story.headlines:
                made.append(self._article(story, headline, headlines[story.lang], len(made)))
        return made

    def _article(self, story: Story, headline: str, others, index: int) -> Generated:
        rng = self.rng
        lang = story.lang
        outlets = ID_OUTLETS if lang == "id" else EN_OUTLETS
        outlet = rng.choices(outlets, [o.weight for o in outlets])[0]
        day = story.start + timedelta(days=rng.randrange(story.days))
        when, short_day = _when(rng, lang, day)
        slots = dict(story.slots)
        slots["kapan" if lang == "id" else "when"] = when
        slots["hari_tgl"] = short_day
        texts = (ID_TEXT if lang == "id" else EN_TEXT)[story.topic]
        generic = ID_GENERIC if lang == "id" else EN_GENERIC
        author = rng.choice(self.reporters[outlet.name])

        def fill(template: str) -> str:
            return _fill(template, slots, rng, lang)

        seen: set[str] = set()

        def fresh(pool: list[str], tries: int = 6) -> str | None:
            for _ in range(tries):
                sentence = fill(rng.choice(pool))
                if sentence not in seen:
                    return sentence
            return None

        lead = fill(rng.choice(texts["lead"]))
        seen.add(lead)
        facts = rng.sample(texts["fact"], k=len(texts["fact"]))
        quotes = rng.sample(texts["quote"], k=len(texts["quote"]))
        paragraph_count = rng.randint(8, 30)
        body: list[str] = []
        low, high = outlet.sentences
        attempts = 0
        while len(body) < paragraph_count - 1 and attempts < 200:
            attempts += 1
            sentences = []
            for _ in range(rng.randint(low, high)):
                roll = rng.random()
                if facts and roll < 0.5:
                    sentence = fill(facts.pop())
                elif quotes and roll < 0.65:
                    sentence = fill(quotes.pop())
                    if sentences:  # a quote is a paragraph of its own
                        body.append(" ".join(sentences))
                        sentences = []
                    body.append(sentence)
                    seen.add(sentence)
                    continue
                elif roll < 0.75:
                    sentence = fresh(generic)
                else:
                    sentence = fill(composed(lang, rng))
                if sentence and sentence not in seen:
                    seen.add(sentence)
                    sentences.append(sentence)
            if sentences:
                body.append(" ".join(sentences))

        blocks = self._debris(story, outlet, headline, lead, body, texts, slots, others, author)
        raw = outlet.spacing.join(block.raw for block in blocks)
        if rng.random() < 0.5:
            raw += "\n"
        paragraphs = [block.clean for block in blocks if block.clean is not None]
        identifier = f"{index:05d}_{rng.getrandbits(64):016x}"
        return Generated(identifier, outlet, day, headline, author, raw, paragraphs)

    def _debris(self, story, outlet, headline, lead, body, texts, slots, others, author):
        """The raw paragraphs: dateline, captions twice, related links, ads,
        credits and trailing labels around the article's own text."""
        rng = self.rng
        lang = story.lang
        city = slots.get("kota") or slots.get("city")
        blocks: list[Block] = []
        dateline = outlet.dateline.format(city=city, CITY=city.upper()) if outlet.dateline else ""
        if outlet.credit == "bbc":
            blocks.append(Block(f"By {author}, BBC News", None))
        if not dateline and rng.random() < 0.4:
            blocks.append(Block(headline, None))  # a scraped headline line
        blocks.append(Block(dateline + lead, lead))
        body_blocks = [Block(p, p) for p in body]

        def insert(block: Block, lo: int = 1) -> None:
            body_blocks.insert(rng.randint(min(lo, len(body_blocks)), len(body_blocks)), block)

        for _ in range(rng.choice((0, 1, 1, 2, 3)) if texts["caption"] else 0):
            caption = _fill(rng.choice(texts["caption"]), slots, rng, lang)
            if any(b.clean == caption for b in body_blocks):
                continue
            position = rng.randint(0, len(body_blocks))
            body_blocks.insert(position, Block(caption, caption))
            variant = _caption_variant(rng, caption)
            if rng.random() < 0.6:
                body_blocks.insert(position + 1, Block(variant, None))
            else:
                body_blocks.insert(
                    rng.randint(position + 1, len(body_blocks)), Block(variant, None)
                )
        related = [h for n, h in rng.sample(others, min(4, len(others))) if n != story.number]
        if lang == "id":
            for title in related[: rng.choice((0, 1, 2, 2, 3))]:
                insert(
                    Block(f"{rng.choice(('Baca juga', 'Baca Juga', 'BACA JUGA'))}: {title}", None)
                )
            if outlet.credit in ("detik", "cnn") or rng.random() < 0.15:
                for _ in range(rng.randint(1, 2)):
                    insert(Block("ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT", None))
            elif rng.random() < 0.15:
                insert(Block("ADVERTISEMENT", None))
        else:
            for title in related[: rng.choice((0, 0, 1, 2))]:
                insert(Block(f"Read more: {title}", None))
            for _ in range(rng.choice((0, 0, 1, 2))):
                insert(Block("Advertisement", None))
        blocks.extend(body_blocks)
        blocks.extend(self._credit(outlet, author, story))
        return blocks

    def _credit(self, outlet: Outlet, author: str, story: Story) -> list[Block]:
        rng = self.rng
        year = story.start.year
        style = outlet.credit
        if style == "tribun":
            return [Block(f"(Tribunnews.com/{author.split()[0]})", None)]
        if style == "kompas":
            return [
                Block(f"Penulis : {author}", None),
                Block(f"Editor : {rng.choice(self.editors)}", None),
            ]
        if style == "antara":
            return [
                Block(f"Pewarta: {author}", None),
                Block(f"Editor: {rng.choice(self.editors)}", None),
                Block(f"COPYRIGHT © ANTARA {year}", None),
            ]
        if style in ("detik", "cnn"):
            return [Block(f"({'/'.join(rng.sample(INITIALS, 2))})", None)]
        if style == "liputan6":
            return [Block(f"Reporter: {author}", None)]
        if style == "okezone":
            return [Block("Follow Berita Okezone di Google News", None)]
        if style == "republika":
            return [Block(f"Kontributor: {author}", None)]
        if style == "discussion":
            return [Block("Discussion about this post", None)]
        if style == "fuente":
            return [Block("Fuente", None)]
        if style == "ap":
            return [
                Block(
                    f"Associated Press writer {_en_person(rng)} contributed to this report.", None
                ),
                Block(f"Copyright {year} The Associated Press. All rights reserved.", None),
            ]
        if style == "reuters":
            return [Block(f"Editing by {_en_person(rng)}", None)]
        if style == "bbc":
            return [Block("Related Topics", None), Block("More on this story", None)]
        if outlet.lang == "id" and rng.random() < 0.3:
            return [Block("Fuente", None)]
        return []


# ---- writing ------------------------------------------------------------------

_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


def slug(title: str, identifier: str) -> str:
    text = _SLUG_CHARS.sub("-", title.lower()).strip("-")[:60].rstrip("-")
    return f"{text}-{identifier[:5]}"


HUGO_TOML = """\
baseURL = "http://localhost/"
languageCode = "id"
title = "Benchmark corpus"
disableKinds = ["rss", "sitemap", "robotstxt"]
enableRobotsTXT = false

[taxonomies]
category = "categories"

[pagination]
pagerSize = 50

[markup.goldmark.renderer]
unsafe = false
"""

HUGO_BASE = """\
<!DOCTYPE html>
<html lang="{{ site.Language.LanguageCode }}">
<head><meta charset="utf-8"><title>{{ block "title" . }}{{ .Title }} · {{ site.Title }}{{ end }}</title></head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

HUGO_SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ range .GetTerms "categories" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ .Content }}
</article>
{{ end }}
"""

HUGO_LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ if eq .Kind "taxonomy" }}
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ else }}
{{ $paginator := .Paginate .RegularPagesRecursive }}
<ul>{{ range $paginator.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary }}</p></li>{{ end }}
</ul>
<nav>{{ if $paginator.HasPrev }}<a href="{{ $paginator.Prev.URL }}">«</a>{{ end }}
{{ $paginator.PageNumber }}/{{ $paginator.TotalPages }}
{{ if $paginator.HasNext }}<a href="{{ $paginator.Next.URL }}">»</a>{{ end }}</nav>
{{ end }}
{{ end }}
"""


def write(count: int, outdir: Path) -> list[Generated]:
    articles = Generator(count).articles()
    for name in ("raw", "markdown", "hugo"):
        shutil.rmtree(outdir / name, ignore_errors=True)
    raw_dir, md_dir = outdir / "raw", outdir / "markdown"
    hugo = outdir / "hugo"
    posts = hugo / "content" / "posts"
    layouts = hugo / "layouts" / "_default"
    for folder in (raw_dir, md_dir, posts, layouts):
        folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        name = article.identifier
        (raw_dir / f"{name}.txt").write_bytes(article.raw.encode("utf-8"))
        body = "\n\n".join(article.paragraphs) + "\n"
        article_slug = slug(article.title, name)
        header = (
            f"Title: {article.title}\nDate: {article.day.isoformat()}\n"
            f"Category: {article.outlet.name}\nAuthor: {article.author}\nSlug: {article_slug}\n\n"
        )
        (md_dir / f"{name}.md").write_bytes((header + body).encode("utf-8"))
        front = (
            "---\n"
            f"title: {json.dumps(article.title, ensure_ascii=False)}\n"
            f"date: {article.day.isoformat()}\n"
            f"categories: [{json.dumps(article.outlet.name)}]\n"
            f"slug: {json.dumps(article_slug)}\n"
            "---\n\n"
        )
        (posts / f"{name}.md").write_bytes((front + body).encode("utf-8"))
    (hugo / "hugo.toml").write_text(HUGO_TOML, encoding="utf-8")
    (layouts / "baseof.html").write_text(HUGO_BASE, encoding="utf-8")
    (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    (hugo / "layouts" / "index.html").write_text(HUGO_LIST, encoding="utf-8")
    return articles


def main(argv: list[str]) -> int:
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        print("usage: python bench/corpus.py N OUTDIR", file=sys.stderr)
        return 2
    count, outdir = int(argv[1]), Path(argv[2])
    articles = write(count, outdir)
    english = sum(a.outlet.lang == "en" for a in articles)
    size = sum(len(a.raw.encode()) for a in articles)
    print(
        f"{len(articles)} articles ({english} English) in {outdir}: "
        f"{size / 1e6:.1f} MB raw, dates {min(a.day for a in articles)} – "
        f"{max(a.day for a in articles)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
